import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

/** The smallest complete Remix document: head, the page, and the client scripts (as every Remix page has). */
export default function App() {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}
