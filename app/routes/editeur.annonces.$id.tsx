import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { crumbFrom } from "~/components/breadcrumb";
import { formatDateTime } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { idParam } from "~/lib/api.server";
import { requireUser } from "~/lib/permissions.server";
import { VENDOR_GROUP_LABELS } from "~/modules/vendors";
import { getAnnouncement } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Annonce de l'équipe programme — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The module decides: the team, or a member of a vendor of the announcement's groups; anyone else gets a 404.
  return { announcement: orErrorPage(() => getAnnouncement(user, idParam(params.id))) };
}

export const handle = crumbFrom<{ announcement?: { title: string } }>((data) => data.announcement?.title);

export default function Announcement() {
  const { announcement } = useLoaderData<typeof loader>();
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/editeur">← Espace éditeur</Link>
      </p>
      <h1>{announcement.title}</h1>
      <p className="text-sm">
        Annonce de l'équipe programme du {formatDateTime(announcement.sentAt)} · destinataires : {announcement.groups.map((g) => VENDOR_GROUP_LABELS[g]).join(", ")}
      </p>
      <p className="whitespace-pre-line">{announcement.body}</p>
    </article>
  );
}
