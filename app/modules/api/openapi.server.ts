import { z } from "zod";
import { apiTokenRequestSchema } from "~/modules/accounts";
import { apiTicketListQuery, ticketReplySchema, ticketResolutionSchema } from "~/modules/tickets";
import { apiProductListQuery } from "~/modules/vendors";
import { planFiltersSchema } from "~/modules/action-plan";
import { seminarListQuery } from "~/modules/seminars";
import { attachmentPatchSchema, attachmentQuerySchema } from "~/modules/attachments";
import { apiObligationListQuery } from "~/modules/regulation";
import { apiFileIrritantSchema, apiIrritantListQuery, commentSchema, irritantPatchSchema, similarQuerySchema } from "~/modules/irritants";

type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  auth?: "optional" | "required";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A multipart body with one file in the field `file`. */
  upload?: true;
  /** Besides the JSON body, the same fields as multipart with up to 5 files in the field `files`. */
  files?: true;
  responses: Record<number, string>;
};

/**
 * Every endpoint of /api/v1, with the very zod schemas the handlers parse with (imported from the capabilities,
 * never restated here); the document is generated from them, so it cannot drift from what the API accepts.
 * tests/integration/openapi.test.ts checks each handler's readQuery/readJson schema is the one listed.
 */
export const API_OPERATIONS: Operation[] = [
  { method: "post", path: "/tokens", summary: "Créer un jeton personnel", body: apiTokenRequestSchema, responses: { 201: "{token}", 401: "Identifiants incorrects", 422: "Données invalides", 429: "Trop de tentatives" } },
  { method: "get", path: "/themes", summary: "Thèmes actifs", responses: { 200: "{items: [{slug, label}]}" } },
  {
    method: "post",
    path: "/themes/suggestions",
    summary: "Thèmes suggérés pour un texte (le texte dans le corps, jamais dans l'adresse ; GET répond 405)",
    body: similarQuerySchema,
    responses: { 200: "{items: [{slug, label, score}]}", 400: "Corps non JSON", 405: "Méthode non autorisée (GET)", 422: "Texte invalide" },
  },
  {
    method: "get",
    path: "/professions",
    summary: "Professions d'un profil, avec leur carte (CPS pour les professionnels de santé, CPE pour les secrétaires et assistants médicaux)",
    responses: { 200: "{items: [{value, label, cardType: \"CPS\" | \"CPE\", cardLabel}]}" },
  },
  { method: "get", path: "/products", summary: "Catalogue des logiciels", query: apiProductListQuery, responses: { 200: "{items: [{id, name, category, vendor: {id, name}}]}" } },
  {
    method: "get",
    path: "/irritants",
    summary: "Signalements (publiés pour le public, tous pour l'équipe)",
    auth: "optional",
    query: apiIrritantListQuery,
    responses: {
      200: "{items: [{id, title, status, statusLabel, fixAnnounced, severity, subject, …}], nextCursor?} — subject: le service dont parle un patient (mon-espace-sante, messagerie-mes, ordonnance-numerique, identite, autre-service) ou null ; fixAnnounced: résolu par un correctif de l'éditeur que ses auteurs et soutiens n'ont pas encore confirmé (statusLabel « Correctif annoncé »)",
      422: "Paramètres invalides",
    },
  },
  {
    method: "post",
    path: "/irritants",
    summary:
      "Déposer un signalement : professionnel ou patient ; éditeur, sur le logiciel d'un autre éditeur (productId obligatoire, le ticket de cet éditeur est ouvert aussitôt) ; équipe, au nom d'un professionnel (onBehalf obligatoire : behalfEmail de son compte, ou behalfName, et collectedVia)",
    auth: "required",
    body: apiFileIrritantSchema,
    responses: {
      201: "{id, themes, redacted, similar: [{id, title, score}]} ; pour l'équipe {id, themes, redacted, onBehalf: {account}}",
      401: "Non authentifié",
      403: "Rôle non autorisé",
      422: "Données invalides (dont un logiciel de cabinet indiqué par un patient, le logiciel de son propre éditeur indiqué par un éditeur, onBehalf absent ou sans nom ni compte)",
    },
  },
  {
    method: "post",
    path: "/irritants/similar",
    summary: "Signalements proches d'un texte, du plus proche au moins proche (le texte dans le corps, jamais dans l'adresse ; GET répond 405)",
    auth: "optional",
    body: similarQuerySchema,
    responses: { 200: "{items: [{id, title, score}]}", 400: "Corps non JSON", 405: "Méthode non autorisée (GET)", 422: "Texte invalide" },
  },
  { method: "get", path: "/irritants/{id}", summary: "Un signalement (avec supportCount)", auth: "optional", responses: { 200: "Le signalement {id, status, statusLabel, fixAnnounced, subject, …} — subject : le service dont parle un patient, ou null", 404: "Inexistant ou non public" } },
  {
    method: "patch",
    path: "/irritants/{id}",
    summary: "Trier un signalement (équipe) : statut, thèmes, publication, masquage, fusion",
    auth: "required",
    body: irritantPatchSchema,
    responses: { 200: "{id, status, published, hidden, mergedInto}", 401: "Non authentifié", 403: "Réservé à l'équipe", 404: "Inexistant", 409: "Transition ou fusion impossible, ou doublon fusionné à publier", 422: "Données invalides" },
  },
  {
    method: "post",
    path: "/irritants/{id}/supports",
    summary: "Soutenir un signalement (« moi aussi »), idempotent",
    auth: "required",
    responses: { 200: "Déjà soutenu", 201: "Soutien enregistré", 401: "Non authentifié", 403: "Rôle non autorisé", 404: "Inexistant", 409: "Auteur du signalement" },
  },
  {
    method: "delete",
    path: "/irritants/{id}/supports",
    summary: "Retirer son propre soutien, idempotent : {irritantId, withdrawn, supportCount, patientSupportCount}",
    auth: "required",
    responses: { 200: "Soutien retiré (withdrawn: true) ou déjà absent (withdrawn: false)", 401: "Non authentifié", 403: "Rôle non autorisé", 404: "Inexistant" },
  },
  {
    method: "post",
    path: "/irritants/{id}/comments",
    summary:
      "Commenter un signalement (professionnel, patient, équipe) : {body} ; en multipart, body et jusqu'à 5 fichiers (champ files : PNG, JPEG, WebP ou PDF d'après leur contenu, 10 Mo chacun), analysés puis validés par l'équipe avant d'être montrés",
    auth: "required",
    body: commentSchema,
    files: true,
    responses: {
      201: "{id, irritantId, redacted, attachments: [{id, status: analysing}]}",
      400: "Corps illisible (JSON ou multipart)",
      401: "Non authentifié",
      403: "Éditeur (il répond depuis ses tickets)",
      404: "Inexistant ou non visible",
      413: "Plus de 5 × 10 Mo",
      415: "Type de fichier refusé (d'après le contenu) : rien n'est enregistré",
      422: "Données invalides, plus de 5 fichiers, fichier vide ou illisible : rien n'est enregistré",
    },
  },
  {
    method: "post",
    path: "/irritants/{id}/attachments",
    summary: "Joindre un fichier (multipart, champ file : PNG, JPEG, WebP ou PDF d'après son contenu, 10 Mo, 5 par signalement) ; ré-encodé sans métadonnées, analysé (OCR) et masqué par le worker, privé jusqu'à validation par l'équipe",
    auth: "required",
    upload: true,
    responses: { 201: "{id, status: analysing}", 400: "Pas un envoi multipart", 401: "Non authentifié", 404: "Inexistant, ou ni auteur ni équipe", 413: "Plus de 10 Mo", 415: "Type refusé (d'après le contenu)", 422: "Fichier absent, vide, illisible, ou déjà 5 fichiers" },
  },
  {
    method: "get",
    path: "/attachments/{id}",
    summary: "Une pièce jointe : {id, status: analysing | pending_review | approved | failed, masked, width, height, pages, createdAt}",
    auth: "optional",
    responses: { 200: "La pièce jointe", 404: "Inexistante ou non visible (auteur et équipe avant validation ; éditeur sur son ticket et public une fois validée et publiée)" },
  },
  {
    method: "get",
    path: "/attachments/{id}/file",
    summary: "L'image nettoyée et masquée (PNG ; ?taille=vignette : vignette WebP), mêmes droits que la pièce jointe",
    auth: "optional",
    query: attachmentQuerySchema,
    responses: { 200: "L'image", 404: "Inexistante, non visible, en cours d'analyse ou en échec", 422: "Paramètres invalides" },
  },
  {
    method: "patch",
    path: "/attachments/{id}",
    summary:
      "Valider une pièce jointe masquée (approved: true, équipe) : l'éditeur la voit sur son ticket, le public sur un signalement publié ; masquer des zones à la main (covers: [{x, y, width, height}] en fractions 0–1 de l'image, 200 au plus) : l'équipe sur toute pièce jointe, l'auteur sur la sienne tant qu'elle n'est pas validée ; les zones sont appliquées avant la validation",
    auth: "required",
    body: attachmentPatchSchema,
    responses: {
      200: "La pièce jointe (validée, ou masquée à nouveau)",
      401: "Non authentifié",
      403: "Validation réservée à l'équipe ; zones : ni auteur ni équipe",
      404: "Inexistante ou non visible",
      409: "Analyse en cours ou en échec ; déjà validée (l'auteur ne masque plus) ; modifiée entre-temps",
      422: "Données invalides (dont une zone qui sort de l'image)",
    },
  },
  {
    method: "get",
    path: "/tickets",
    summary: "Tickets (éditeur : les siens ; équipe : tous)",
    auth: "required",
    query: apiTicketListQuery,
    responses: { 200: "{items: [{id, irritantId, product, vendor, status, resolution, firstResponseDue, overdue, …}], nextCursor?}", 401: "Non authentifié", 403: "Ni éditeur ni équipe", 422: "Paramètres invalides" },
  },
  { method: "get", path: "/tickets/{id}", summary: "Un ticket avec son fil et la répartition des soutiens", auth: "required", responses: { 200: "Le ticket", 401: "Non authentifié", 404: "Inexistant ou d'un autre éditeur" } },
  {
    method: "post",
    path: "/tickets/{id}/replies",
    summary:
      "Répondre (publique) ou noter pour l'équipe (interne) ; en multipart, les mêmes champs et jusqu'à 5 fichiers (champ files : PNG, JPEG, WebP ou PDF d'après leur contenu, 10 Mo chacun), analysés puis validés par l'équipe avant que l'éditeur les voie",
    auth: "required",
    body: ticketReplySchema,
    files: true,
    responses: {
      201: "{id, redacted, attachments: [{id, status: analysing}]}",
      400: "Corps illisible (JSON ou multipart)",
      401: "Non authentifié",
      403: "Rôle non autorisé",
      404: "Inexistant ou d'un autre éditeur",
      409: "Ticket clos",
      413: "Plus de 5 × 10 Mo",
      415: "Type de fichier refusé (d'après le contenu) : rien n'est enregistré",
      422: "Données invalides, plus de 5 fichiers, fichier vide ou illisible : rien n'est enregistré",
    },
  },
  {
    method: "post",
    path: "/tickets/{id}/resolution",
    summary: "Indiquer une résolution : fixed (version), planned, not_reproducible, needs_info, other_product (logiciel d'un autre éditeur)",
    auth: "required",
    body: ticketResolutionSchema,
    responses: { 200: "{status, reassignedTo, redacted}", 401: "Non authentifié", 403: "Rôle non autorisé", 404: "Inexistant ou d'un autre éditeur", 409: "Ticket clos", 422: "Données invalides" },
  },
  {
    method: "get",
    path: "/action-plan",
    summary:
      "Le plan d'action : chantiers → défis → actions (libellé de pilote, organisations pilotes et copilotes, responsable, échéance {label, due}, statut, retard, étapes, avancement), situation au jour `au` (AAAA-MM-JJ, aujourd'hui par défaut) : statuts, échéances et retards de ce jour-là",
    query: planFiltersSchema,
    responses: {
      200:
        "{asOf, workstreams: [{id, title, challenges: [{id, title, progress: {done, total}, actions: [{id, title, lead: {kind, label}, leadOrganisations: [{id, name, kind}], coLeadOrganisations: [{id, name, kind}], responsible: {name} | null, deadline: {label, due}, status, wave, overdue, themes, irritantIds, steps: [{title, status}], progress: {done, total}}]}]}]}",
      422: "Paramètres invalides (dont une date `au` invalide)",
    },
  },
  { method: "get", path: "/campaigns", summary: "Campagnes d'enquête (hors préparation)", responses: { 200: "{items: [{slug, title, wave, status, opensAt, closesAt}]}" } },
  {
    method: "get",
    path: "/campaigns/{slug}/results",
    summary:
      "Résultats publiés (instantané figé) : par question n, répartition, statistiques avec intervalles ; par logiciel, chaque groupe est une case (« Non renseigné ou autre » compris), cases sous 10 répondants masquées avec une case complémentaire",
    responses: { 200: "{campaign, respondents, items: [{key, label, type, n, suppressed, distribution, stats, bySubject}]}", 404: "Aucun résultat publié" },
  },
  {
    method: "get",
    path: "/seminars",
    summary: "Séminaires publiés, du plus récent au plus ancien : ateliers et équilibre des participants par côté",
    query: seminarListQuery,
    responses: { 200: "{items: [{slug, title, date, place, upcoming, workshops: [{number, title, question, status}], balance: [{side, count}]}], nextCursor?}", 422: "Paramètres invalides" },
  },
  {
    method: "get",
    path: "/obligations",
    summary:
      "Référentiel réglementaire, par date d'entrée en vigueur (écrite comme la source ; due : dernier jour de la période, ou null) : texte, source, public concerné, nombre de signalements, actions et indicateurs liés (signalements visibles de l'appelant) ; tableau des documents × canaux × dates",
    auth: "optional",
    query: apiObligationListQuery,
    responses: {
      200: "{items: [{slug, title, summary, kind, status, source: {reference, url}, effective: {label, due, kind}, audiences, note, links: {irritants, actions, indicators}}], documents: [{documentType, dmp, mssProfessionals, mssPatient, effectiveLabel, effectiveDue, obligation}]}",
      422: "Paramètres invalides",
    },
  },
  {
    method: "get",
    path: "/obligations/{slug}",
    summary: "Une obligation du référentiel : texte, source, dates, tableau des documents et ce qui la concerne (signalements visibles de l'appelant, actions, indicateurs)",
    auth: "optional",
    responses: { 200: "{slug, title, summary, kind, status, source, effective, audiences, note, documents: [...], linked: {irritants, actions, indicators}, links}", 404: "Obligation inconnue" },
  },
  { method: "get", path: "/progress", summary: "Chiffres clés de la page Avancement, chacun avec sa méthode", responses: { 200: "{irritants, actions, vendors, survey}" } },
];

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } },
    },
  },
};

/** A JSON body's schema as multipart fields, plus `files`: up to 5 PNG, JPEG, WebP or PDF (decision 024). */
function withFiles(schema: Record<string, unknown>) {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return { ...schema, properties: { ...properties, files: { type: "array", maxItems: 5, items: { type: "string", format: "binary" } } } };
}

function jsonSchema(schema: z.ZodType) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    const query = op.query ? (jsonSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] }) : null;
    const parameters = [
      ...(op.path.includes("{id}") ? [{ name: "id", in: "path", required: true, schema: { type: "integer" } }] : []),
      ...(op.path.includes("{slug}") ? [{ name: "slug", in: "path", required: true, schema: { type: "string" } }] : []),
      ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: query?.required?.includes(name) ?? false, schema })),
    ];
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      ...(op.auth === "required" ? { security: [{ bearer: [] }, { session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
      ...(op.body && op.files
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: jsonSchema(op.body) },
                "multipart/form-data": { schema: withFiles(jsonSchema(op.body)) },
              },
            },
          }
        : {}),
      ...(op.upload
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, description]) => [
          status,
          Number(status) >= 400 ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } : { description },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "API Sentinelle", version: "1.0.0", description: "Mêmes règles et permissions que les pages. Erreurs : {error: {code, message, fields?}}." },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Jeton personnel (POST /tokens ou page Mon compte)" },
        session: { type: "apiKey", in: "cookie", name: "sentinelle_session" },
      },
    },
    paths,
  };
}
