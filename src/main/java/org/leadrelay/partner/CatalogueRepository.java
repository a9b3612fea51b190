package org.leadrelay.partner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entries of the vendors' catalogues. */
@Repository
class CatalogueRepository {

	private final JdbcClient jdbc;

	CatalogueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	VendorCatalogue findByVendor(OrganizationId vendor) {
		return catalogue(
				this.jdbc.sql("select kind, name from catalogue_entry where vendor_id = ?").param(vendor.value()));
	}

	/** Every vendor's entries together, each name once per kind. */
	VendorCatalogue findCombined() {
		return catalogue(this.jdbc.sql("select distinct kind, name from catalogue_entry"));
	}

	void deleteByVendor(OrganizationId vendor) {
		this.jdbc.sql("delete from catalogue_entry where vendor_id = ?").param(vendor.value()).update();
	}

	/** Adds an entry; adding it twice changes nothing. */
	void add(OrganizationId vendor, CatalogueKind kind, String name) {
		this.jdbc.sql("insert into catalogue_entry (vendor_id, kind, name) values (?, ?, ?) on conflict do nothing")
			.params(vendor.value(), kind.name(), name)
			.update();
	}

	private static VendorCatalogue catalogue(JdbcClient.StatementSpec query) {
		Map<CatalogueKind, List<String>> entries = new EnumMap<>(CatalogueKind.class);
		for (CatalogueKind kind : CatalogueKind.values()) {
			entries.put(kind, new ArrayList<>());
		}
		query.query((rs, row) -> entries.get(CatalogueKind.valueOf(rs.getString("kind"))).add(rs.getString("name")))
			.list();
		return new VendorCatalogue(entries.get(CatalogueKind.INDUSTRY), entries.get(CatalogueKind.PRODUCT),
				entries.get(CatalogueKind.SERVICE));
	}

}
