package org.leadrelay.partner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each vendor's catalogue of industries, products and services, which partners pick their
 * expertise tags from. The vendor's admins maintain it.
 */
@Service
public class Catalogue {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	Catalogue(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * The catalogue of the caller's program: the vendor's own, or the one of the vendor a
	 * partner belongs to.
	 */
	public VendorCatalogue of(Caller caller) {
		return of(vendorOf(caller.organizationId()));
	}

	public VendorCatalogue of(OrganizationId vendor) {
		return catalogue(
				this.jdbc.sql("select kind, name from catalogue_entry where vendor_id = ?").param(vendor.value()));
	}

	/** Every vendor's entries together: the filters of the public marketplace. */
	public VendorCatalogue combined() {
		return catalogue(this.jdbc.sql("select distinct kind, name from catalogue_entry"));
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

	/**
	 * Replaces the vendor's catalogue. Profiles keep the tags they have; a tag that left
	 * the catalogue can no longer be added to one.
	 */
	@Transactional
	public VendorCatalogue replace(Caller caller, VendorCatalogue catalogue) {
		if (!caller.isVendor() || !caller.hasRole(Role.VENDOR_ADMIN)) {
			throw DomainException.accessDenied("Only the vendor's admins maintain the catalogue");
		}
		this.jdbc.sql("delete from catalogue_entry where vendor_id = ?")
			.param(caller.organizationId().value())
			.update();
		for (CatalogueKind kind : CatalogueKind.values()) {
			for (String name : catalogue.of(kind)) {
				add(caller.organizationId(), kind, name);
			}
		}
		return of(caller.organizationId());
	}

	/** Adds one entry (demo data, tests); adding it twice changes nothing. */
	@Transactional
	public void add(OrganizationId vendor, CatalogueKind kind, String name) {
		this.jdbc.sql("insert into catalogue_entry (vendor_id, kind, name) values (?, ?, ?) on conflict do nothing")
			.params(vendor.value(), kind.name(), name)
			.update();
	}

	private OrganizationId vendorOf(OrganizationId organization) {
		Organization found = this.organizations.find(organization)
			.orElseThrow(() -> DomainException.notFound("Organization not found"));
		return found.vendorId() == null ? found.id() : found.vendorId();
	}

}
