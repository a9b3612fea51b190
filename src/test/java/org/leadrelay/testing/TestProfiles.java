package org.leadrelay.testing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.ProfileChanges;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;

/**
 * Business profiles for tests, made through the profiles' own service as a partner's
 * Referrals admin would, each waiting until the marketplace indexed it.
 */
public class TestProfiles {

	private final BusinessProfiles profiles;

	private final Catalogue catalogue;

	private final EventPublications publications;

	TestProfiles(BusinessProfiles profiles, Catalogue catalogue, EventPublications publications) {
		this.profiles = profiles;
		this.catalogue = catalogue;
		this.publications = publications;
	}

	/** Adds entries to a vendor's catalogue. */
	public void catalogue(Organization vendor, CatalogueKind kind, String... names) {
		for (String name : names) {
			this.catalogue.add(vendor.id(), kind, name);
		}
	}

	/**
	 * A profile in the region of the location with the given tags (catalogue tags must be
	 * in the vendor's catalogue), serving every size, listed with one location.
	 */
	public BusinessProfile listed(Organization partner, String name, Expertise expertise, LocationDetails location) {
		return listed(partner, name, expertise, CompanySize.current(), location);
	}

	public BusinessProfile listed(Organization partner, String name, Expertise expertise, Set<CompanySize> sizes,
			LocationDetails location) {
		Caller admin = admin(partner.id());
		BusinessProfile profile = this.profiles.create(admin, Region.of(location.country()).orElseThrow(),
				new ProfileDetails(name, "Everything about " + name, null, null, expertise, sizes));
		BusinessProfile listed = this.profiles.addLocation(admin, profile.id(), location);
		indexed(listed);
		return listed;
	}

	public BusinessProfile update(BusinessProfile profile, ProfileChanges changes) {
		BusinessProfile updated = this.profiles.update(admin(profile.organizationId()), profile.id(), changes, null);
		indexed(updated);
		return updated;
	}

	/** Waits until the marketplace handled the profile's latest change. */
	public void indexed(BusinessProfile profile) {
		this.publications.awaitCompleted(profile.id());
	}

	/**
	 * A location in a city of its own, so that searches filtered by it see no other
	 * test's.
	 */
	public static LocationDetails location(String name, String country) {
		return new LocationDetails(name, "Fő utca 1", "1011", "City" + letters(), country, "+36 1 555 0100",
				List.of("alerts@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example"));
	}

	/**
	 * A word of random letters: unique per test run, and no number the index would
	 * ignore.
	 */
	public static String letters() {
		StringBuilder word = new StringBuilder();
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			word.append((char) ('a' + Character.digit(c, 16)));
		}
		return word.toString();
	}

	/** A partner's Referrals admin, as API clients act. */
	public static Caller admin(OrganizationId partner) {
		return new Caller(Caller.Kind.API_CLIENT, "client:profiles-" + partner, "Profile tests", partner,
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

}
