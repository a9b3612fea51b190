package org.leadrelay.partner;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each vendor's catalogue of industries, products and services, which partners pick their
 * expertise tags from. The vendor's admins maintain it.
 */
@Service
public class Catalogue {

	private final CatalogueRepository entries;

	private final Organizations organizations;

	Catalogue(CatalogueRepository entries, Organizations organizations) {
		this.entries = entries;
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
		return this.entries.findByVendor(vendor);
	}

	/** Every vendor's entries together: the filters of the public marketplace. */
	public VendorCatalogue combined() {
		return this.entries.findCombined();
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
		this.entries.deleteByVendor(caller.organizationId());
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
		this.entries.add(vendor, kind, name);
	}

	private OrganizationId vendorOf(OrganizationId organization) {
		Organization found = this.organizations.find(organization)
			.orElseThrow(() -> DomainException.notFound("Organization not found"));
		return found.vendorId() == null ? found.id() : found.vendorId();
	}

}
