import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect, FilterSubmit } from "~/components/filters";
import { ScorecardTable, TicketTable } from "~/components/tickets";
import { parseOrThrow } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { requirePermission } from "~/lib/permissions.server";
import { listProducts } from "~/modules/vendors/index.server";
import { TICKET_STATUSES, TICKET_STATUS_LABELS, ticketFiltersSchema } from "~/modules/tickets";
import { listTickets, scorecards } from "~/modules/tickets/index.server";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction = () => [{ title: "Espace éditeur — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ticket:respond");
  const filters = orErrorPage(() => parseOrThrow(ticketFiltersSchema.omit({ vendorId: true }), Object.fromEntries(new URL(request.url).searchParams), "Filtres invalides."));
  return {
    ...listTickets(user, filters),
    filters,
    products: user.organisationId ? listProducts({ vendorId: user.organisationId }) : [],
    scorecard: scorecards(user),
  };
}

export default function VendorInbox() {
  const { items, nextCursor, filters, products, scorecard } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Espace éditeur</h1>
      <p className="max-w-3xl">
        Les signalements qui concernent vos logiciels, transmis par l'équipe programme. Répondez dans les délais : le délai de
        première réponse et le délai de résolution se comptent en jours ouvrés.
      </p>
      <p className="max-w-3xl">
        Un problème vient du logiciel d'un autre éditeur (un document CDA mal formé, un échange qui échoue de son côté) ?{" "}
        <Link to="/editeur/signaler">Signalez-le</Link> : il devient un ticket pour cet éditeur.
      </p>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4 bg-gris-100 p-4" aria-label="Filtrer les tickets">
        <FilterSelect
          id="status"
          name="status"
          label="Statut"
          allLabel="Tous les statuts"
          value={filters.status ?? ""}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABELS[s] }))}
        />
        <FilterSelect
          id="productId"
          name="productId"
          label="Logiciel"
          allLabel="Tous vos logiciels"
          value={filters.productId ? String(filters.productId) : ""}
          options={products.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <FilterSubmit overdue={{ checked: !!filters.overdue }} />
      </Form>
      <h2>Tickets</h2>
      <TicketTable items={items} showVendor={false} />
      <Pagination nextCursor={nextCursor} label="Pages des tickets" />
      <h2 className="mt-8">Votre tableau de bord</h2>
      <ScorecardTable cards={scorecard} caption="Indicateurs de votre organisation" />
    </div>
  );
}
