-- The field's vocabulary, enlarged again (issue 19, session 31): terms added to seeded groups and new groups for more
-- kinds of failure (refusal, loss, unreadable display, picture quality), the practice's everyday work (cancellations,
-- no-shows, typing twice, screen lock, synchronisation) and the field's institutions and papers, written from the
-- field (app/modules/irritants/vocabulary-synonyms.ts holds the same list). As in 0031: a term the team already put in
-- a group is not added twice; a concept the team already created is left as it is.
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'dossier santé') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'dossier santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'dossier de santé') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'dossier de santé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'dossier santé en ligne') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'dossier santé en ligne');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'dossier médical en ligne') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'dossier médical en ligne');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'carnet numérique') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'carnet numérique');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'carnet de santé en ligne') WHERE `concept` = 'dmp' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'carnet de santé en ligne');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'feuille de soins') WHERE `concept` = 'fse' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'feuille de soins');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'télétransmission') WHERE `concept` = 'fse' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'télétransmission');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'télétransmettre') WHERE `concept` = 'fse' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'télétransmettre');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'médecin référent') WHERE `concept` = 'medecin-traitant' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'médecin référent');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'généraliste référent') WHERE `concept` = 'medecin-traitant' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'généraliste référent');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'synthèse') WHERE `concept` = 'vsm' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'synthèse');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'fiche de synthèse') WHERE `concept` = 'vsm' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'fiche de synthèse');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'lent') WHERE `concept` = 'lenteur' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'lent');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'lente') WHERE `concept` = 'lenteur' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'lente');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'poussif') WHERE `concept` = 'lenteur' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'poussif');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'mouliner') WHERE `concept` = 'lenteur' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'mouliner');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'sablier') WHERE `concept` = 'lenteur' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'sablier');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'figé') WHERE `concept` = 'plantage' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'figé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'figer') WHERE `concept` = 'plantage' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'figer');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'écran figé') WHERE `concept` = 'plantage' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'écran figé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'gelé') WHERE `concept` = 'plantage' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'gelé');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'geler') WHERE `concept` = 'plantage' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'geler');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'en triple') WHERE `concept` = 'doublon' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'en triple');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'trois fois') WHERE `concept` = 'doublon' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'trois fois');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'triplon') WHERE `concept` = 'doublon' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'triplon');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'terminal portable') WHERE `concept` = 'lecteur-de-carte' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'terminal portable');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'lecteur portable') WHERE `concept` = 'lecteur-de-carte' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'lecteur portable');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'terminal de paiement Vitale') WHERE `concept` = 'lecteur-de-carte' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'terminal de paiement Vitale');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'webinaire') WHERE `concept` = 'formation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'webinaire');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'webinar') WHERE `concept` = 'formation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'webinar');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'prise en main') WHERE `concept` = 'formation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'prise en main');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'e-learning') WHERE `concept` = 'formation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'e-learning');--> statement-breakpoint
UPDATE `synonym_groups` SET `terms` = json_insert(`terms`, '$[#]', 'session de formation') WHERE `concept` = 'formation' AND NOT EXISTS (SELECT 1 FROM json_each(`synonym_groups`.`terms`) WHERE `value` = 'session de formation');--> statement-breakpoint
INSERT OR IGNORE INTO `synonym_groups` (`concept`, `terms`) VALUES
  ('rejet', '["rejet","rejeté","rejeter","refus","refusé","refuser","non accepté","non pris en compte"]'),
  ('perte', '["perdu","perte","disparu","disparaître","introuvable","égaré","volatilisé","effacé"]'),
  ('illisible', '["illisible","incompréhensible","indéchiffrable","impossible à lire","charabia","caractères bizarres","balises","XML brut","code brut"]'),
  ('qualite-image', '["flou","pixelisé","dégradé","compressé","compression","basse résolution","mauvaise qualité"]'),
  ('annulation', '["annulation","annuler","décommander","désistement","se désister"]'),
  ('rendez-vous-non-honore', '["lapin","rendez-vous non honoré","RDV non honoré","absence injustifiée","non venu","non présenté"]'),
  ('double-saisie', '["double saisie","ressaisir","ressaisie","resaisir","saisir deux fois","recopier","saisie manuelle"]'),
  ('verrouillage', '["verrouillage","verrouiller","verrouillé","déverrouiller","mise en veille","écran de veille"]'),
  ('synchronisation', '["synchronisation","synchroniser","synchro","désynchronisé","désynchronisation","resynchroniser"]'),
  ('retraite', '["retraite","retraité","cessé d''exercer","cessation d''activité","fin d''activité"]'),
  ('piece-d-identite', '["pièce d''identité","carte d''identité","carte nationale d''identité","CNI","justificatif d''identité","passeport","titre de séjour"]'),
  ('assurance-maladie', '["Assurance maladie","CPAM","caisse","caisse primaire","CNAM","sécu","Sécurité sociale","ameli","médecin conseil","AMO"]'),
  ('hemoglobine-glyquee', '["HbA1c","hémoglobine glyquée"]'),
  ('valeur-anormale', '["valeur anormale","valeurs hors normes","hors normes","hors limites","valeur pathologique","anormal"]'),
  ('courbe', '["courbe","graphique","graphe","tracer une courbe"]'),
  ('aidant', '["aidant","proche aidant","tuteur","tutelle","curatelle","curateur","représentant légal"]'),
  ('sms', '["SMS","texto","rappel SMS","rappel par SMS"]');--> statement-breakpoint
-- The stored vocabulary changed: an index holding irritants is behind it until `npm run reindex` (or the vocabulary
-- page's button) rewrites it; an empty index (a new database) is not.
UPDATE `search_index_state` SET `vocabulary_version` = `vocabulary_version` + 1,
  `indexed_version` = CASE WHEN (SELECT count(*) FROM `irritants`) = 0 THEN `vocabulary_version` + 1 ELSE `indexed_version` END
WHERE `id` = 1;
