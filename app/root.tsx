import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Footer, Header, SkipLinks } from "~/components/layout";
import { useNonce } from "~/components/nonce";
import { getUser } from "~/lib/permissions.server";
import { unreadCount } from "~/modules/notifications/index.server";
import { awaitingSurveysCount } from "~/modules/surveys/index.server";
import stylesheet from "~/styles/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user ? { displayName: user.displayName, role: user.role, unread: unreadCount(user.id), awaitingSurveys: awaitingSurveysCount(user) } : null,
  };
}

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Sentinelle" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${ERROR_TITLES[status] ?? "Erreur inattendue"} — Sentinelle` }];
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <SkipLinks />
        <Header user={data?.user ?? null} />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_TITLES: Record<number, string> = {
  400: "Requête incorrecte",
  401: "Connexion requise",
  403: "Accès refusé",
  404: "Page introuvable",
  405: "Action non autorisée",
  413: "Contenu trop volumineux",
  422: "Données invalides",
  429: "Trop de tentatives",
};

export function ErrorBoundary() {
  const error = useRouteError();
  // Never show a stack trace: only a status and a French explanation.
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = ERROR_TITLES[status] ?? "Erreur inattendue";
  const message =
    status === 404
      ? "La page que vous cherchez n'existe pas ou a été déplacée."
      : status === 403
        ? "Vous n'avez pas les droits nécessaires pour voir cette page."
        : status >= 500
          ? "Une erreur est survenue de notre côté. Réessayez dans quelques instants."
          : isRouteErrorResponse(error) && typeof error.data === "string" && error.data.length < 300
            ? error.data
            : "La demande n'a pas pu aboutir.";
  return (
    <div className="prose-page">
      <p className="text-sm text-gris-600">Erreur {status}</p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Retour à l'accueil</Link> · <Link to="/plan-du-site">Plan du site</Link>
      </p>
    </div>
  );
}
