/** French names of what the events log records, for the audit log. Unknown types show as they are. */
export const AUDIT_CATEGORIES = {
  irritant: "Signalements",
  ticket: "Tickets",
  action: "Plan d'action",
  action_plan: "Plan d'action",
  workstream: "Plan d'action",
  challenge: "Plan d'action",
  campaign: "Enquêtes",
  questionnaire: "Enquêtes",
  progress_update: "Points d'étape",
  indicator: "Indicateurs",
  theme: "Thèmes",
  theme_resource: "Thèmes",
  product: "Catalogue",
  vendor: "Catalogue",
  settings: "Réglages",
  user: "Comptes",
  api_token: "Comptes",
  seminar: "Séminaires",
  workshop: "Séminaires",
} as const satisfies Record<string, string>;

export const AUDIT_CATEGORY_FILTERS = [...new Set(Object.values(AUDIT_CATEGORIES))].sort((a, b) => a.localeCompare(b, "fr"));

const TYPE_LABELS: Record<string, string> = {
  "irritant.filed": "Signalement déposé",
  "irritant.supported": "Soutien ajouté",
  "irritant.commented": "Commentaire",
  "irritant.status_changed": "Statut changé",
  "irritant.reopened": "Signalement rouvert",
  "irritant.merged": "Signalement regroupé",
  "irritant.duplicate_absorbed": "Doublon absorbé",
  "irritant.themes_confirmed": "Thèmes confirmés",
  "irritant.action_done": "Action liée réalisée",
  "irritant.purged": "Texte effacé (durée de conservation)",
  "ticket.opened": "Ticket ouvert",
  "ticket.acknowledged": "Ticket pris en compte",
  "ticket.replied": "Réponse publique de l'éditeur",
  "ticket.internal_note": "Note interne",
  "ticket.resolution_set": "Résolution indiquée",
  "ticket.fix_answered": "Réponse à « est-ce corrigé ? »",
  "ticket.reopened": "Ticket rouvert",
  "ticket.reassigned": "Ticket réaffecté",
  "ticket.closed": "Ticket clos",
  "action.created": "Action créée",
  "action.updated": "Action modifiée",
  "action.deadline_changed": "Échéance déplacée",
  "action.status_changed": "Statut d'action changé",
  "action.done": "Action réalisée",
  "action.note_added": "Point d'avancement ajouté",
  "action.moved": "Action déplacée",
  "action_plan.imported": "Plan importé",
  "workstream.created": "Axe créé",
  "challenge.created": "Défi créé",
  "campaign.created": "Campagne créée",
  "campaign.invitations_created": "Liens d'invitation créés",
  "campaign.invitations_emailed": "Invitations envoyées par e-mail",
  "campaign.reminder_sent": "Relance envoyée",
  "questionnaire.version_created": "Version de questionnaire créée",
  "progress_update.created": "Point d'étape créé",
  "progress_update.edited": "Point d'étape modifié",
  "progress_update.published": "Point d'étape publié",
  "progress_update.unpublished": "Point d'étape dépublié",
  "indicator.created": "Indicateur créé",
  "indicator.values_imported": "Valeurs d'indicateur importées",
  "theme.created": "Thème créé",
  "theme.updated": "Thème modifié",
  "theme_resource.added": "Ressource ajoutée",
  "theme_resource.removed": "Ressource retirée",
  "product.created": "Logiciel ajouté",
  "product.updated": "Logiciel modifié",
  "vendor.created": "Éditeur ajouté",
  "settings.updated": "Réglages modifiés",
  "user.created": "Compte créé",
  "user.signed_in": "Connexion",
  "user.signin_failed": "Échec de connexion (mot de passe)",
  "user.profile_updated": "Profil modifié",
  "user.password_changed": "Mot de passe changé",
  "user.password_reset_requested": "Réinitialisation du mot de passe demandée",
  "user.password_reset": "Mot de passe réinitialisé",
  "user.email_confirmed": "Adresse e-mail confirmée",
  "user.notification_preferences_changed": "Choix de notification modifiés",
  "user.unsubscribed": "Désabonnement par lien",
  "user.disabled": "Compte désactivé",
  "user.enabled": "Compte réactivé",
  "user.sessions_revoked": "Toutes les sessions fermées",
  "user.signin_locked": "Connexion bloquée après des échecs",
  "user.deleted": "Compte supprimé",
  "user.data_exported": "Données personnelles exportées",
  "api_token.created": "Jeton d'API créé",
  "api_token.revoked": "Jeton d'API révoqué",
};

export function auditTypeLabel(type: string) {
  return TYPE_LABELS[type] ?? type;
}

export function auditCategory(type: string) {
  const prefix = type.split(".")[0];
  return (AUDIT_CATEGORIES as Record<string, string>)[prefix] ?? "Autre";
}

/** The event-type prefixes of a category, to filter the log. */
export function prefixesOf(category: string) {
  return Object.entries(AUDIT_CATEGORIES)
    .filter(([, label]) => label === category)
    .map(([prefix]) => prefix);
}
