import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { SegurWaveField } from "~/components/segur-wave";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, cataloguePageSchema } from "~/modules/vendors";
import { createVendor, listCatalogue, listVendors, saveProduct } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Catalogue des logiciels — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "catalogue:manage");
  return { vendors: listVendors(), products: listCatalogue() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["vendor", "product"] as const;
export const ACTION_SCHEMA = cataloguePageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "catalogue:manage");
  return formAction(request, cataloguePageSchema, (input) => {
    if (input.intent === "vendor") {
      const { intent: _, ...vendor } = input;
      createVendor(user, vendor);
      return { message: `Éditeur « ${input.name} » ajouté.`, resetForm: true };
    }
    const { intent: _, productId, ...product } = input;
    saveProduct(user, productId ?? null, product);
    return { message: `Logiciel « ${input.name} » enregistré.`, resetForm: productId === undefined };
  });
}

type Product = ReturnType<typeof listCatalogue>[number];

/** A product's form, or the new product's: it takes the action's answer only when it was the one posted. */
function ProductForm({ vendors, product, children }: { vendors: { id: number; name: string }[]; product?: Product; children: ReactNode }) {
  const actionData = useActionData<typeof action>();
  const posted = actionData?.intent === "product" ? (actionData.result.initialValue?.productId ?? "") : null;
  const [form, fields] = useActionForm(cataloguePageSchema, {
    actionData: posted === (product ? String(product.id) : "") ? actionData : undefined,
    id: product ? `logiciel-${product.id}` : "nouveau-logiciel",
    defaultValue: {
      vendorId: product ? String(product.vendorId) : "",
      name: product?.name,
      category: product?.category ?? "LGC",
      segurWave: product?.segurWave ? String(product.segurWave) : "",
      versions: product?.versions.join(", "),
      installedBase: product?.installedBase != null ? String(product.installedBase) : "",
    },
  });
  return (
    <Form method="post" className={product ? "mt-4" : "card"} {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="product" />
      {product ? <input type="hidden" name="productId" value={product.id} /> : null}
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField field={fields.vendorId} label="Éditeur" options={vendors.map((v) => ({ value: String(v.id), label: v.name }))} required />
        <TextField field={fields.name} label="Nom" required />
        <SelectField field={fields.category} label="Catégorie" options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] }))} />
        <SegurWaveField field={fields.segurWave} />
        <TextField field={fields.versions} label="Versions" hint="Séparées par des virgules." />
        <TextField field={fields.installedBase} label="Parc installé estimé" />
      </div>
      {children}
    </Form>
  );
}

export default function Catalogue() {
  const { vendors, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [vendorForm, vendorFields] = useActionForm(cataloguePageSchema, { actionData, intent: "vendor" });
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
          <ProductForm vendors={vendors} product={p}>
            <button type="submit" className="fr-btn fr-btn--secondary mt-4">
              Enregistrer<span className="sr-only"> {p.name}</span>
            </button>
          </ProductForm>
        </details>
      ))}
      <h2>Ajouter un logiciel</h2>
      <ProductForm vendors={vendors}>
        <button type="submit" className="fr-btn mt-4">
          Ajouter le logiciel
        </button>
      </ProductForm>
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
      <FormErrors form={vendorForm} />
      <Form method="post" className="card" {...getFormProps(vendorForm)}>
        <input type="hidden" name="intent" value="vendor" />
        <TextField field={vendorFields.name} label="Nom de l'éditeur" required />
        <TextField field={vendorFields.contactEmail} label="E-mail de contact (facultatif)" type="email" />
        <div className="mb-4 flex items-center gap-2">
          <input id={vendorFields.isSons.id} type="checkbox" name={vendorFields.isSons.name} className="size-4" />
          <label htmlFor={vendorFields.isSons.id}>Référencé Ségur (SONS)</label>
        </div>
        <button type="submit" className="fr-btn">
          Ajouter l'éditeur
        </button>
      </Form>
    </div>
  );
}
