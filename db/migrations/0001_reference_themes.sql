-- The theme taxonomy the program started with (team-editable afterwards).
INSERT INTO themes (slug, label, position) VALUES
  ('ins', 'INS (identité nationale de santé)', 1),
  ('mssante', 'MSSanté (messagerie sécurisée)', 2),
  ('mes-dmp', 'Mon espace santé / DMP', 3),
  ('vsm', 'Volet de synthèse médicale (VSM)', 4),
  ('ordonnance-numerique', 'Ordonnance numérique', 5),
  ('nommage-documents', 'Nommage des documents', 6),
  ('performance-lgc', 'Performance et ergonomie des LGC (versions Ségur)', 7),
  ('delegation', 'Délégation de tâches', 8),
  ('formation', 'Formation et accompagnement', 9),
  ('autre', 'Autre', 10);
