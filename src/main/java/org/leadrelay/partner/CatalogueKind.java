package org.leadrelay.partner;

/** The kinds of expertise tags a vendor's catalogue offers. */
public enum CatalogueKind {

	INDUSTRY, PRODUCT, SERVICE

}
