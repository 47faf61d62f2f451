// The software catalogue's fixed vocabulary, stored as a text column; the vendors module re-exports it with labels.
export const PRODUCT_CATEGORIES = ["LGC", "SGL", "RIS", "LGO", "DPI", "DRIMbox", "operateur-mssante", "autre"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

// Vendor groups an announcement can be sent to: SONS vendors (referenced under Ségur) and the others.
export const VENDOR_GROUPS = ["sons", "non-sons"] as const;
export type VendorGroup = (typeof VENDOR_GROUPS)[number];
