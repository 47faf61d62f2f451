CREATE TABLE `search_index_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`vocabulary_version` integer DEFAULT 1 NOT NULL,
	`indexed_version` integer DEFAULT 1 NOT NULL,
	`reindex_status` text DEFAULT 'idle' NOT NULL,
	`reindex_done` integer DEFAULT 0 NOT NULL,
	`reindex_total` integer DEFAULT 0 NOT NULL,
	`reindex_started_at` text,
	`reindex_heartbeat_at` text,
	`reindex_finished_at` text
);
--> statement-breakpoint
CREATE TABLE `synonym_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concept` text NOT NULL,
	`terms` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `synonym_groups_concept_unique` ON `synonym_groups` (`concept`);--> statement-breakpoint
-- The vocabulary seeded from the domain (issue 19; the groups the code held before the team could edit them).
INSERT INTO `synonym_groups` (`concept`, `terms`) VALUES
  ('compte-rendu', '["CR","compte rendu","compte-rendu"]'),
  ('compte-rendu-operatoire', '["CRO","compte rendu opératoire"]'),
  ('lettre-de-liaison', '["lettre de liaison","lettre de sortie","courrier de sortie","LL","LDS","CRH","compte rendu d''hospitalisation"]'),
  ('mssante', '["MSS","MSSanté","messagerie sécurisée","messagerie sécurisée de santé","mail sécurisé","messagerie de santé"]'),
  ('bal', '["BAL","boîte aux lettres","boîte mail","boîte de réception"]'),
  ('dmp', '["DMP","Mon espace santé","espace santé","dossier médical partagé","dossier partagé"]'),
  ('lgc', '["LGC","LGO","logiciel","logiciel de cabinet","logiciel métier","logiciel médical","logiciel d''officine"]'),
  ('e-prescription', '["e-prescription","ordonnance numérique","ordonnance électronique","e-ordonnance","prescription électronique"]'),
  ('cpe', '["CPE","carte de la secrétaire","carte d''établissement","carte de personnel d''établissement","carte d''employé"]'),
  ('insi', '["INSi","téléservice INS","serveur INS"]'),
  ('ins', '["INS","identifiant national de santé"]'),
  ('nir', '["NIR","numéro de sécu","numéro de sécurité sociale","numéro de sécurité"]'),
  ('etranger', '["étranger","hors de France"]'),
  ('biologie', '["biologie","labo","laboratoire","prise de sang","bilan sanguin","bilan biologique","analyses de sang"]'),
  ('cps', '["CPS","carte professionnelle","carte pro","carte de professionnel de santé"]'),
  ('carte-vitale', '["CV","carte Vitale"]'),
  ('apcv', '["ApCV","application carte Vitale","carte Vitale sur smartphone","carte Vitale dématérialisée"]'),
  ('ordonnance', '["ordo","ordonnance","prescription"]'),
  ('fse', '["FSE","feuille de soins électronique"]'),
  ('medecin-traitant', '["MT","médecin traitant"]'),
  ('generaliste', '["MG","médecin généraliste","généraliste"]'),
  ('mise-a-jour', '["MAJ","mise à jour","update"]'),
  ('imagerie', '["imagerie","radio","radiologie","cliché","image radiologique"]'),
  ('vsm', '["VSM","volet de synthèse médicale","synthèse médicale"]'),
  ('kinesitherapie', '["kiné","kinésithérapeute","kinésithérapie","masseur-kinésithérapeute"]'),
  ('reeducation', '["rééduc","rééducation"]'),
  ('hopital', '["hôpital","hosto","CH","CHU","centre hospitalier"]'),
  ('pharmacie', '["pharmacie","officine","pharmacien"]'),
  ('rpps', '["RPPS","annuaire santé"]'),
  ('dossier-pharmaceutique', '["DP","dossier pharmaceutique"]'),
  ('dlu', '["DLU","dossier de liaison d''urgence","document de liaison d''urgence"]'),
  ('arret-de-travail', '["AAT","arrêt de travail","arrêt maladie","avis d''arrêt de travail"]'),
  ('certificat-de-deces', '["CertDc","certificat de décès"]'),
  ('piece-jointe', '["PJ","pièce jointe"]'),
  ('mot-de-passe', '["mdp","mot de passe"]'),
  ('identifiant', '["login","identifiant"]'),
  ('msp', '["MSP","maison de santé","maison de santé pluriprofessionnelle","maison de santé pluri-professionnelle"]'),
  ('notification', '["notification","alerte","notif"]'),
  ('document', '["doc","document"]'),
  ('consultation', '["consult","consultation"]'),
  ('application', '["appli","application","app"]'),
  ('smartphone', '["smartphone","téléphone portable","mobile"]'),
  ('ipa', '["IPA","infirmière en pratique avancée","infirmier en pratique avancée"]'),
  ('code-porteur', '["code porteur","code PIN","code de la carte"]'),
  ('visite-a-domicile', '["visite à domicile","à domicile","visite"]'),
  ('page-blanche', '["page blanche","écran blanc","écran vide"]'),
  ('pro-sante-connect', '["PSC","Pro Santé Connect"]'),
  ('vaccination', '["vaccin","vaccination","vacciner"]');
--> statement-breakpoint
INSERT INTO `search_index_state` (`id`) VALUES (1);
