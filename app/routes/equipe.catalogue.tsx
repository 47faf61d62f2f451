import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from "~/modules/vendors/catalogue";
import { createVendor, listCatalogue, listVendors, saveProduct } from "~/modules/vendors/products.server";
import { productSchema, vendorSchema } from "~/modules/vendors/schemas";

export const meta: MetaFunction = () => [{ title: "Catalogue des logiciels — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "catalogue:manage");
  return { vendors: listVendors(), products: listCatalogue() };
}

export const INTENTS = ["vendor", "product"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "catalogue:manage");
  const form = await readFormData(request);
  const fields = Object.fromEntries(form);
  try {
    const intent = readIntent(form, INTENTS);
    if (intent === "vendor") {
      const input = parseOrThrow(vendorSchema, fields, "Éditeur invalide.");
      createVendor(user, input);
      return { ok: true, message: `Éditeur « ${input.name} » ajouté.` };
    }
    const input = parseOrThrow(productSchema, fields, "Logiciel invalide.");
    const id = fields.productId ? idParam(String(fields.productId)) : null;
    saveProduct(user, id, input);
    return { ok: true, message: `Logiciel « ${input.name} » enregistré.` };
  } catch (error) {
    return refusalNotice(error);
  }
}

function ProductFields({ idPrefix, vendors, product }: { idPrefix: string; vendors: { id: number; name: string }[]; product?: ReturnType<typeof listCatalogue>[number] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <label htmlFor={`${idPrefix}-vendor`} className="label">
          Éditeur
        </label>
        <select id={`${idPrefix}-vendor`} name="vendorId" defaultValue={product?.vendorId ?? ""} className="input" required>
          <option value="">Choisir…</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-name`} className="label">
          Nom
        </label>
        <input id={`${idPrefix}-name`} name="name" defaultValue={product?.name} className="input" required />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-category`} className="label">
          Catégorie
        </label>
        <select id={`${idPrefix}-category`} name="category" defaultValue={product?.category ?? "LGC"} className="input">
          {PRODUCT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {PRODUCT_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-wave`} className="label">
          Vague Ségur
        </label>
        <select id={`${idPrefix}-wave`} name="segurWave" defaultValue={product?.segurWave ?? ""} className="input">
          <option value="">Aucune</option>
          <option value="1">Vague 1</option>
          <option value="2">Vague 2</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-versions`} className="label">
          Versions<span className="hint">Séparées par des virgules.</span>
        </label>
        <input id={`${idPrefix}-versions`} name="versions" defaultValue={product?.versions.join(", ")} className="input" />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-base`} className="label">
          Parc installé estimé
        </label>
        <input id={`${idPrefix}-base`} name="installedBase" inputMode="numeric" defaultValue={product?.installedBase ?? ""} className="input" />
      </div>
    </div>
  );
}

export default function Catalogue() {
  const { vendors, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Catalogue des logiciels</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <h2>Logiciels</h2>
      {products.map((p) => (
        <details key={p.id} className="card mb-3">
          <summary className="cursor-pointer font-bold">
            {p.name} — {p.vendorName} ({PRODUCT_CATEGORY_LABELS[p.category]}
            {p.segurWave ? `, vague ${p.segurWave}` : ""})
          </summary>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="product" />
            <input type="hidden" name="productId" value={p.id} />
            <ProductFields idPrefix={`p${p.id}`} vendors={vendors} product={p} />
            <button type="submit" className="btn btn-secondary mt-4">
              Enregistrer<span className="sr-only"> {p.name}</span>
            </button>
          </Form>
        </details>
      ))}
      <h2>Ajouter un logiciel</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="product" />
        <ProductFields idPrefix="nouveau" vendors={vendors} />
        <button type="submit" className="btn mt-4">
          Ajouter le logiciel
        </button>
      </Form>
      <h2>Éditeurs</h2>
      <ul className="mb-4 list-disc pl-6">
        {vendors.map((v) => (
          <li key={v.id}>
            {v.name}
            {v.isSons ? " (SONS)" : ""}
            {v.contactEmail ? ` — ${v.contactEmail}` : ""}
          </li>
        ))}
      </ul>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="vendor" />
        <div className="mb-4">
          <label htmlFor="vendor-name" className="label">
            Nom de l'éditeur
          </label>
          <input id="vendor-name" name="name" className="input" required />
        </div>
        <div className="mb-4">
          <label htmlFor="vendor-email" className="label">
            E-mail de contact (facultatif)
          </label>
          <input id="vendor-email" name="contactEmail" type="email" className="input" />
        </div>
        <div className="mb-4 flex items-center gap-2">
          <input id="vendor-sons" type="checkbox" name="isSons" className="size-4" />
          <label htmlFor="vendor-sons">Référencé Ségur (SONS)</label>
        </div>
        <button type="submit" className="btn">
          Ajouter l'éditeur
        </button>
      </Form>
    </div>
  );
}
