package org.leadrelay.referral;

import java.util.List;

import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Component;

/**
 * What a new deal must fit outside the deal itself: who may create it on which location,
 * the engagement it joins, the vendor's catalogue, and whom it may invite.
 */
@Component
class DealChecks {

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final ReferralRepository repository;

	DealChecks(Organizations organizations, Catalogue catalogue, ReferralRepository repository) {
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.repository = repository;
	}

	/**
	 * Checks that the caller may create the deal, and answers the vendor of its program.
	 */
	OrganizationId requireCreatable(Caller caller, NewDeal spec) {
		if (!caller.isPartner()) {
			throw DomainException.accessDenied("Partners create deals; the vendor sends leads or answers invitations");
		}
		if (!caller.hasRole(Role.REFERRALS_ADMIN) && !caller.hasRole(Role.REFERRALS_USER)) {
			throw DomainException.accessDenied("A partner's Referrals admins and users create deals");
		}
		this.organizations.findLocation(spec.location())
			.filter(location -> location.organizationId().equals(caller.organizationId()))
			.orElseThrow(() -> DomainException.invalid("target",
					"No location " + spec.location() + " among your organization's locations"));
		if (!caller.hasRole(Role.REFERRALS_ADMIN)
				&& caller.userId().filter(user -> this.repository.belongsTo(user, spec.location())).isEmpty()) {
			throw DomainException.accessDenied("A Referrals user creates deals on the locations they belong to");
		}
		if (spec.engagementId() != null && !this.repository.takesPart(caller.organizationId(), spec.engagementId())) {
			throw DomainException.invalid("engagementId",
					"No engagement " + spec.engagementId() + " among your organization's referrals");
		}
		OrganizationId vendor = this.organizations.find(caller.organizationId())
			.map(Organization::vendorId)
			.orElseThrow(() -> DomainException.accessDenied("Your organization belongs to no vendor program"));
		List<String> products = this.catalogue.of(vendor).products();
		spec.requirements()
			.products()
			.stream()
			.filter(product -> !products.contains(product))
			.findFirst()
			.ifPresent(product -> {
				throw DomainException.invalid("details/requirements/products",
						"'" + product + "' is not a product of the vendor's catalogue; name your own solutions under "
								+ "details/requirements/solutions");
			});
		return vendor;
	}

	/**
	 * The location a partner-to-partner deal invites: another partner's, in the program.
	 */
	Location requireInvitable(Caller caller, OrganizationId vendor, LocationId target) {
		return this.organizations.findLocation(target)
			.filter(location -> !location.organizationId().equals(caller.organizationId()))
			.filter(location -> this.organizations.find(location.organizationId())
				.map(Organization::vendorId)
				.filter(vendor::equals)
				.isPresent())
			.orElseThrow(() -> DomainException.invalid("target",
					"No location " + target + " among the other partners of your program"));
	}

}
