/**
 * A real OpenID Connect provider (oidc-provider) on loopback, configured like Pro Santé Connect:
 * an issuer with a realm path, discovery also served at `/.well-known/wallet-openid-configuration`,
 * scope `scope_all`, acr `eidas1`, PKCE required, client_secret_basic, PSC-shaped UserInfo claims
 * (SubjectNameID = "8" + RPPS, SubjectRefPro.exercices[]), RP-initiated logout.
 *
 * Its login page lists no one: type the RPPS of one of PSC_TEST_PROFESSIONALS (the "card" used).
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export const PSC_REALM_PATH = "/auth/realms/esante-wallet";
export const PSC_TEST_CLIENT = { id: "sentinelle-test", secret: "secret-client-psc-de-test-0123456789" };

type Exercise = {
  profession: string;
  savoirFaire?: string;
  activities: { mode: string; site: string; postalCode: string }[];
};

/** UserInfo claims shaped like PSC's (names and nesting as PSC sends them). */
export function pscClaims(person: { rpps: string; givenName: string; familyName: string; email?: string; exercises: Exercise[]; subjectNameId?: string }) {
  return {
    SubjectNameID: person.subjectNameId ?? `8${person.rpps}`,
    preferred_username: `8${person.rpps}`,
    given_name: person.givenName,
    family_name: person.familyName,
    ...(person.email ? { email: person.email } : {}),
    SubjectRefPro: {
      codeCivilite: "",
      exercices: person.exercises.map((e) => ({
        codeProfession: e.profession,
        codeCategorieProfessionnelle: "C",
        codeCiviliteDexercice: "",
        nomDexercice: person.familyName,
        prenomDexercice: person.givenName,
        codeTypeSavoirFaire: e.savoirFaire ? "S" : "",
        codeSavoirFaire: e.savoirFaire ?? "",
        activities: e.activities.map((a) => ({
          codeModeExercice: a.mode,
          codeSecteurDactivite: "SA07",
          codeGenreActivite: "GENR01",
          raisonSocialeSite: a.site,
          enseigneCommercialeSite: "",
          codePostal: a.postalCode,
          codeCommune: "",
          numeroSiretSite: "",
        })),
      })),
    },
  };
}

/** The professionals the test provider knows, by RPPS. */
export const PSC_TEST_PROFESSIONALS: Record<string, ReturnType<typeof pscClaims> & { acr?: string }> = {
  // First sign-in with an e-mail PSC knows: the account is created straight away.
  "10000000001": pscClaims({
    rpps: "10000000001",
    givenName: "Camille",
    familyName: "MARTIN",
    email: "camille.martin@medecin.mssante.test",
    exercises: [{ profession: "10", savoirFaire: "SM54", activities: [{ mode: "L", site: "CABINET MEDICAL DES LILAS", postalCode: "69003" }] }],
  }),
  // No e-mail from PSC (the usual case): the completion form asks for one.
  "10000000002": pscClaims({
    rpps: "10000000002",
    givenName: "Inès",
    familyName: "DUBOIS",
    exercises: [
      {
        profession: "60",
        activities: [
          { mode: "L", site: "CABINET INFIRMIER DU PORT", postalCode: "29200" },
          { mode: "S", site: "CENTRE DE SANTE DE BREST", postalCode: "29200" },
        ],
      },
    ],
  }),
  // Same e-mail as the demo practitioner's account: linking asks for that account's password.
  "10000000003": pscClaims({
    rpps: "10000000003",
    givenName: "Claire",
    familyName: "BERNARD",
    email: "medecin@demo.sentinelle.fr",
    exercises: [{ profession: "10", savoirFaire: "SM54", activities: [{ mode: "L", site: "MAISON DE SANTE DE QUIMPER", postalCode: "29000" }] }],
  }),
  // A profession Sentinelle does not know (audioprothésiste): refused, no account.
  "10000000004": pscClaims({
    rpps: "10000000004",
    givenName: "Hugo",
    familyName: "PETIT",
    email: "hugo.petit@audio.mssante.test",
    exercises: [{ profession: "26", activities: [{ mode: "L", site: "AUDITION PETIT", postalCode: "33000" }] }],
  }),
  // A pharmacist without e-mail, for the cancel and forged-state paths.
  "10000000005": pscClaims({
    rpps: "10000000005",
    givenName: "Louis",
    familyName: "ROBERT",
    exercises: [{ profession: "21", activities: [{ mode: "S", site: "PHARMACIE CENTRALE", postalCode: "75011" }] }],
  }),
  // Authenticated at a weaker level than eidas1: refused.
  "10000000006": {
    ...pscClaims({
      rpps: "10000000006",
      givenName: "Nora",
      familyName: "LEROY",
      email: "nora.leroy@sagefemme.mssante.test",
      exercises: [{ profession: "50", activities: [{ mode: "L", site: "CABINET DE SAGES-FEMMES", postalCode: "59000" }] }],
    }),
    acr: "faible",
  },
};

export type ProviderRequest = { method: string; path: string; authorization: string | undefined };

export type PscTestProvider = {
  issuer: string;
  /** The variables that point the app at this provider. */
  env: Record<string, string>;
  /** Every request the provider received, in order. */
  requests: ProviderRequest[];
  /** Registers the app (its callback and post-logout addresses) and starts answering. */
  start: (appUrl: string) => void;
  close: () => Promise<void>;
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} — Pro Santé Connect (test)</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Listens on a loopback port at once (so the app can be configured with the issuer), and answers once
 * `start(appUrl)` registered the app. `wallet: false` serves only the standard discovery path.
 */
export async function listenPscTestProvider({ wallet = true }: { wallet?: boolean } = {}): Promise<PscTestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}${PSC_REALM_PATH}`;
  const requests: ProviderRequest[] = [];
  let handler: http.RequestListener | undefined;
  server.on("request", (req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end();
  });

  const start = (appUrl: string) => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: PSC_TEST_CLIENT.id,
          client_secret: PSC_TEST_CLIENT.secret,
          redirect_uris: [`${appUrl}/auth/psc/callback`],
          post_logout_redirect_uris: [`${appUrl}/`],
          token_endpoint_auth_method: "client_secret_basic",
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      scopes: ["openid", "scope_all"],
      claims: {
        openid: ["sub"],
        scope_all: ["SubjectNameID", "SubjectRefPro", "preferred_username", "given_name", "family_name", "email"],
      },
      acrValues: ["eidas1", "faible"],
      pkce: { required: () => true },
      jwks: { keys: [privateKey.export({ format: "jwk" }) as never] },
      cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
      ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
            ctx.body = page(
              "Se déconnecter de Pro Santé Connect ?",
              `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button>`,
            );
          },
          postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
            ctx.body = page("Déconnecté de Pro Santé Connect", "");
          },
        },
      },
      interactions: { url: (_ctx, interaction) => `${PSC_REALM_PATH}/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const claims = PSC_TEST_PROFESSIONALS[sub.replace(/^ANS/, "")];
        if (!claims) return undefined;
        const { acr: _acr, ...userinfo } = claims;
        return { accountId: sub, claims: () => ({ sub, ...userinfo }) };
      },
      // Like PSC, no consent screen: the requested scopes are granted to the registered client.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
        grant.addOIDCScope("openid scope_all");
        await grant.save();
        return grant;
      },
      renderError: (ctx, out) => {
        ctx.type = "html";
        ctx.body = page("Erreur du fournisseur", `<p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ""))}</p>`);
      },
    });

    const app = express();
    app.use((req, _res, next) => {
      requests.push({ method: req.method, path: req.path, authorization: req.get("authorization") });
      next();
    });
    if (wallet) {
      // PSC publishes its discovery document under this name; here it is the standard document.
      app.get(`${PSC_REALM_PATH}/.well-known/wallet-openid-configuration`, (req, _res, next) => {
        req.url = req.originalUrl = `${PSC_REALM_PATH}/.well-known/openid-configuration`;
        next();
      });
    }
    app.get(`${PSC_REALM_PATH}/interaction/:uid`, async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        res.type("html").send(loginPage(details.uid, typeof req.query.erreur === "string"));
      } catch (error) {
        next(error);
      }
    });
    app.post(`${PSC_REALM_PATH}/interaction/:uid/login`, express.urlencoded({ extended: false }), async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        const rpps = String(req.body.rpps ?? "").trim();
        const known = PSC_TEST_PROFESSIONALS[rpps];
        if (!known) return res.redirect(303, `${PSC_REALM_PATH}/interaction/${details.uid}?erreur=1`);
        await provider.interactionFinished(req, res, { login: { accountId: `ANS${rpps}`, acr: known.acr ?? "eidas1" } }, { mergeWithLastSubmission: false });
      } catch (error) {
        next(error);
      }
    });
    app.get(`${PSC_REALM_PATH}/interaction/:uid/annuler`, async (req, res, next) => {
      try {
        await provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "L'utilisateur a annulé l'authentification" },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        next(error);
      }
    });
    app.use(PSC_REALM_PATH, provider.callback());
    handler = app;
  };

  return {
    issuer,
    env: { PSC_ISSUER: issuer, PSC_CLIENT_ID: PSC_TEST_CLIENT.id, PSC_CLIENT_SECRET: PSC_TEST_CLIENT.secret },
    requests,
    start,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function loginPage(uid: string, unknown: boolean) {
  return page(
    "Pro Santé Connect (fournisseur de test)",
    (unknown ? `<p role="alert">Carte inconnue.</p>` : "") +
      `<form method="post" action="${PSC_REALM_PATH}/interaction/${escapeHtml(uid)}/login">` +
      `<label for="rpps">Numéro RPPS de la carte de test</label> <input id="rpps" name="rpps" required>` +
      `<button type="submit">S'authentifier</button></form>` +
      `<p><a href="${PSC_REALM_PATH}/interaction/${escapeHtml(uid)}/annuler">Annuler</a></p>`,
  );
}
