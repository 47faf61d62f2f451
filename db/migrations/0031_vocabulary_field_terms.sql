-- The field's vocabulary, enlarged (issue 19, session 30): terms added to seeded groups and new groups for the field's
-- kinds of failure, channels, services and professions (app/modules/irritants/vocabulary-synonyms.ts holds the same
-- list). A term the team already put in a group is not added twice; a concept the team already created is left as it is.
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'boîte sécurisée') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'boîte sécurisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'boîte mail sécurisée') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'boîte mail sécurisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'mail santé') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'mail santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'boîte mail santé') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'boîte mail santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'adresse sécurisée') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'adresse sécurisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'adresse MSSanté') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'adresse MSSanté');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'Mailiz') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'Mailiz');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'messagerie MSSanté') WHERE `concept` = 'mssante' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'messagerie MSSanté');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'espace numérique de santé') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'espace numérique de santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ENS') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ENS');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'carnet de santé numérique') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'carnet de santé numérique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'appli santé') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'appli santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'LAP') WHERE `concept` = 'lgc' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'LAP');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'LAD') WHERE `concept` = 'lgc' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'LAD');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'logiciel d''aide à la prescription') WHERE `concept` = 'lgc' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'logiciel d''aide à la prescription');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'logiciel de gestion') WHERE `concept` = 'lgc' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'logiciel de gestion');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ordonnance dématérialisée') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ordonnance dématérialisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ordo électronique') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ordo électronique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ordo numérique') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ordo numérique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ordo dématérialisée') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ordo dématérialisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'e-ordo') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'e-ordo');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prescription dématérialisée') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prescription dématérialisée');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prescription numérique') WHERE `concept` = 'e-prescription' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prescription numérique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'analyses') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'analyses');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'résultats d''analyses') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'résultats d''analyses');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'analyses biologiques') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'analyses biologiques');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'examens biologiques') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'examens biologiques');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'LBM') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'LBM');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'laboratoire de biologie médicale') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'laboratoire de biologie médicale');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'biologiste') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'biologiste');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prélèvement sanguin') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prélèvement sanguin');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'résultats de labo') WHERE `concept` = 'biologie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'résultats de labo');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'carte CPS') WHERE `concept` = 'cps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'carte CPS');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'carte verte') WHERE `concept` = 'carte-vitale' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'carte verte');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'Vitale') WHERE `concept` = 'carte-vitale' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'Vitale');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'médecin de famille') WHERE `concept` = 'generaliste' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'médecin de famille');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'omnipraticien') WHERE `concept` = 'generaliste' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'omnipraticien');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'nouvelle version') WHERE `concept` = 'mise-a-jour' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'nouvelle version');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'montée de version') WHERE `concept` = 'mise-a-jour' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'montée de version');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'mise à niveau') WHERE `concept` = 'mise-a-jour' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'mise à niveau');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'upgrade') WHERE `concept` = 'mise-a-jour' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'upgrade');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'IRM') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'IRM');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'échographie') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'échographie');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'écho') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'écho');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'mammographie') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'mammographie');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'mammo') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'mammo');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'radiographie') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'radiographie');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'PACS') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'PACS');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'radiologue') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'radiologue');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'images médicales') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'images médicales');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'imagerie médicale') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'imagerie médicale');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'scanographie') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'scanographie');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'TDM') WHERE `concept` = 'imagerie' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'TDM');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'résumé médical') WHERE `concept` = 'vsm' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'résumé médical');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'volet de synthèse') WHERE `concept` = 'vsm' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'volet de synthèse');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'clinique') WHERE `concept` = 'hopital' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'clinique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'établissement de santé') WHERE `concept` = 'hopital' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'établissement de santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'GHT') WHERE `concept` = 'hopital' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'GHT');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'service hospitalier') WHERE `concept` = 'hopital' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'service hospitalier');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'annuaire') WHERE `concept` = 'rpps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'annuaire');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'annuaire des professionnels') WHERE `concept` = 'rpps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'annuaire des professionnels');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'annuaire national') WHERE `concept` = 'rpps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'annuaire national');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'numéro RPPS') WHERE `concept` = 'rpps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'numéro RPPS');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'ADELI') WHERE `concept` = 'rpps' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'ADELI');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'avertissement') WHERE `concept` = 'notification' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'avertissement');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prévenir') WHERE `concept` = 'notification' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prévenir');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prévenu') WHERE `concept` = 'notification' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prévenu');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'fichier') WHERE `concept` = 'document' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'fichier');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'pièces du dossier') WHERE `concept` = 'document' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'pièces du dossier');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'séance') WHERE `concept` = 'consultation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'séance');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'téléphone mobile') WHERE `concept` = 'smartphone' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'téléphone mobile');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'iPhone') WHERE `concept` = 'smartphone' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'iPhone');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'Android') WHERE `concept` = 'smartphone' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'Android');--> statement-breakpoint
INSERT OR IGNORE INTO `synonym_groups` (`concept`, `terms`) VALUES
  ('lenteur', '["lenteur","ralentissement","ramer","temps de chargement","temps de réponse","trop long","très long","interminable","temps fou","des plombes"]'),
  ('plantage', '["plantage","planter","crash","se fige","freeze","freezer","gèle","bug","beug","fermeture inattendue","écran bleu"]'),
  ('indisponible', '["indisponible","indisponibilité","panne","hors service","HS","inaccessible","ne répond pas","down","interruption de service","coupure de service"]'),
  ('erreur', '["erreur","message d''erreur","code erreur","échec","échouer"]'),
  ('expiration', '["expiration","expiré","timeout","time-out","délai dépassé","délai d''attente dépassé","session expirée"]'),
  ('deconnexion', '["déconnexion","déconnecter","reconnexion","reconnecter","perte de session","session perdue"]'),
  ('connexion', '["connexion","connecter","authentification"]'),
  ('reception', '["recevoir","reçu","reçois","reçoit","reçoivent","réception","réceptionner","parvenir","parvient","parviennent","arriver"]'),
  ('doublon', '["doublon","en double","deux fois","dupliqué","duplication","deux exemplaires","en plusieurs exemplaires","redondant","dédoublé"]'),
  ('accuse-de-lecture', '["accusé de lecture","accusé de réception","confirmation de lecture","confirmation de réception","AR"]'),
  ('saturation', '["saturé","quota","espace de stockage","stockage","capacité maximale","espace disque"]'),
  ('papier', '["papier","version papier","format papier","courrier postal","par la poste","voie postale","fax","télécopie"]'),
  ('courrier', '["courrier","lettre","mail","message","e-mail","courriel","courrier d''adressage","lettre d''adressage","adressage"]'),
  ('confrere', '["confrère","consœur","correspondant","collègue médecin","médecin correspondant"]'),
  ('patient', '["patient","malade","usager","assuré","bénéficiaire"]'),
  ('medecin', '["médecin","docteur","doctoresse","Dr","toubib","praticien"]'),
  ('infirmier', '["infirmier","IDE","IDEL","infirmier libéral","soins infirmiers"]'),
  ('sage-femme', '["sage-femme","maïeuticien"]'),
  ('ame', '["AME","aide médicale d''État"]'),
  ('css', '["CSS","complémentaire santé solidaire","CMU","CMUC"]'),
  ('ald', '["ALD","affection longue durée"]'),
  ('pse', '["PSE","protocole de soins électronique","protocole de soins"]'),
  ('substitution', '["non substituable","NS","mention non substituable","substitution","générique","princeps"]'),
  ('code-barres', '["QR code","QRcode","datamatrix","code-barres","code 2D","2D-Doc","douchette","lecteur de code-barres"]'),
  ('lecteur-de-carte', '["lecteur de carte","lecteur de cartes Vitale","TLA","terminal de lecture","lecteur Vitale","lecteur bi-fente"]'),
  ('ecps', '["e-CPS","CPS mobile","appli carte pro","carte pro dématérialisée","carte CPS dématérialisée","application e-CPS"]'),
  ('rendez-vous', '["rendez-vous","RDV","créneau","agenda","prise de rendez-vous","Doctolib","planning"]'),
  ('teleconsultation', '["téléconsultation","TLC","visio","consultation vidéo","vidéo-consultation","visioconsultation"]'),
  ('teleexpertise', '["téléexpertise","télé-expertise","TLE","avis à distance"]'),
  ('internet', '["internet","connexion internet","réseau","ADSL","fibre","wifi","4G","micro-coupure"]'),
  ('cloud', '["cloud","hébergé","SaaS","full web","logiciel en ligne","version web"]'),
  ('formation', '["formation","accompagnement","tutoriel","tuto","mode d''emploi","notice","guide utilisateur","manuel d''utilisation"]'),
  ('hotline', '["hotline","support","assistance","SAV","service client","helpdesk"]'),
  ('editeur', '["éditeur","fournisseur","prestataire"]'),
  ('clic', '["clic","cliquer","double-clic"]'),
  ('fenetre', '["fenêtre","pop-up","popup","boîte de dialogue","fenêtre de confirmation"]'),
  ('rupture', '["rupture de stock","rupture","pénurie","tension d''approvisionnement"]'),
  ('delivrance', '["délivrance","dispensation"]'),
  ('medicament', '["médicament","médoc","spécialité pharmaceutique"]'),
  ('bilan-partage-de-medication', '["bilan partagé de médication","BPM","bilan de médication","revue de médication","conciliation médicamenteuse"]'),
  ('environnement-de-test', '["environnement de test","recette","préproduction","pré-production","bac à sable","sandbox","plateforme de test","environnement de recette"]'),
  ('alimentation', '["alimenter","déposer","dépôt"]'),
  ('masquage', '["masquer","cacher"]'),
  ('opposition', '["opposition","opposer"]'),
  ('delegation', '["délégation","accès délégué","procuration","mandataire"]'),
  ('nouveau-ne', '["nouveau-né","nourrisson","bébé"]'),
  ('impression', '["impression","imprimer"]'),
  ('nom-du-document', '["nom du document","titre du document","intitulé","libellé"]');--> statement-breakpoint
-- The stored vocabulary changed: an index holding irritants is behind it until `npm run reindex` (or the vocabulary
-- page's button) rewrites it; an empty index (a new database) is not.
UPDATE `search_index_state` SET `vocabulary_version` = `vocabulary_version` + 1,
  `indexed_version` = CASE WHEN (SELECT count(*) FROM `irritants`) = 0 THEN `vocabulary_version` + 1 ELSE `indexed_version` END
WHERE `id` = 1;
