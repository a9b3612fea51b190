package org.leadrelay.referral.api;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Reads a partner's {@code POST} as a {@link NewDeal}. Its {@code target}s name the
 * deal's own location (one of the caller's, which may be left out when there is only one)
 * and whom a {@code Shared} deal invites: another partner's location, or the vendor
 * ({@code {"type": "Organization", "id": "<vendor id>"}}, the default). An
 * {@code Independent} deal is partner-led when the customer agreed to share it with
 * vendor staff ({@code consent/consentToShareReferralWithMicrosoftSellers}), else
 * private.
 */
@Component
class NewDealMapper {

	static final String VENDOR_TARGET_TYPE = "Organization";

	private final Organizations organizations;

	NewDealMapper(Organizations organizations) {
		this.organizations = organizations;
	}

	NewDeal toNewDeal(Caller caller, ReferralRequest request) {
		if (request.salesStage() != null) {
			throw DomainException.invalid("salesStage",
					"A new deal starts Accepted; move it to a sales stage with PATCH once created");
		}
		if (request.qualification() != null && !Qualification.SalesQualified.name().equals(request.qualification())) {
			throw DomainException.invalid("qualification", "A partner's own deal is " + Qualification.SalesQualified
					+ "; leads come from the vendor and from customers");
		}
		Targets targets = targets(caller, request.target());
		ReferralType type = request.type() == null ? ReferralType.Independent
				: ApiValues.enumValue("type", request.type(), ReferralType.class);
		ReferralRequest.Consent consent = NewReferralMapper.required("consent", request.consent());
		DealType dealType = dealType(type, targets, consent);
		ReferralRequest.Details details = NewReferralMapper.required("details", request.details());
		return new NewDeal(targets.own(), engagementId(request.engagementId()), dealType,
				DealDetails.of(request.name(), NewReferralMapper.money(details),
						ApiValues.instant("details/closingDateTime", details.closingDateTime()), details.notes(),
						request.externalReferenceId(), request.campaignId()),
				NewReferralMapper.customer(NewReferralMapper.required("customerProfile", request.customerProfile())),
				new Consent(Boolean.TRUE.equals(consent.consentToContact()),
						Boolean.TRUE.equals(consent.consentToToShareInfoWithOthers())),
				NewReferralMapper.requirements(details.requirements()),
				NewReferralMapper.members("team", request.team()), targets.partner(),
				request.inviteContext() == null ? null : request.inviteContext().notes(),
				NewReferralMapper.attributes(request));
	}

	private static DealType dealType(ReferralType type, Targets targets, ReferralRequest.Consent consent) {
		if (type == ReferralType.Shared) {
			if (targets.partner() != null && targets.vendor()) {
				throw DomainException.invalid("target", "A deal invites either the vendor or another partner");
			}
			return targets.partner() != null ? DealType.PartnerToPartner : DealType.CoSell;
		}
		if (targets.partner() != null || targets.vendor()) {
			throw DomainException.invalid("type", "A deal that invites another organization is Shared");
		}
		return Boolean.TRUE.equals(consent.consentToShareReferralWithMicrosoftSellers()) ? DealType.PartnerLed
				: DealType.Private;
	}

	private Targets targets(Caller caller, @Nullable List<ReferralRequest.Target> targets) {
		LocationId own = null;
		LocationId partner = null;
		boolean vendor = false;
		Organization organization = this.organizations.find(caller.organizationId())
			.orElseThrow(() -> DomainException.accessDenied("Your organization belongs to no vendor program"));
		List<ReferralRequest.Target> named = targets == null ? List.of() : targets;
		for (int i = 0; i < named.size(); i++) {
			ReferralRequest.Target target = named.get(i);
			String at = "target/" + i;
			if (VENDOR_TARGET_TYPE.equals(target.type())) {
				if (organization.vendorId() == null || !organization.vendorId().toString().equals(target.id())) {
					throw DomainException.invalid(at + "/id", at + "/id must be your vendor's organization id");
				}
				vendor = true;
				continue;
			}
			if (target.type() != null && !ReferralJsonMapper.TARGET_TYPE.equals(target.type())) {
				throw DomainException.invalid(at + "/type",
						at + "/type must be " + ReferralJsonMapper.TARGET_TYPE + " or " + VENDOR_TARGET_TYPE);
			}
			UUID id = ApiValues.uuid(target.id());
			Location location = id == null ? null : this.organizations.findLocation(new LocationId(id)).orElse(null);
			if (location == null) {
				throw DomainException.invalid(at + "/id", at + "/id must be a location id of your program");
			}
			boolean mine = location.organizationId().equals(caller.organizationId());
			if (mine ? own != null : partner != null) {
				throw DomainException.invalid(at, mine ? "A deal is on one of your locations only"
						: "A deal invites one other partner's location");
			}
			if (mine) {
				own = location.id();
			}
			else {
				partner = location.id();
			}
		}
		return new Targets(own == null ? onlyLocation(caller) : own, partner, vendor);
	}

	/** The caller's location, when it has exactly one. */
	private LocationId onlyLocation(Caller caller) {
		List<Location> locations = this.organizations.visibleTo(caller)
			.stream()
			.filter(entry -> entry.organization().id().equals(caller.organizationId()))
			.flatMap(entry -> entry.locations().stream())
			.toList();
		if (locations.size() != 1) {
			throw DomainException.invalid("target", "Name the location of yours that the deal is on: {\"type\": \""
					+ ReferralJsonMapper.TARGET_TYPE + "\", \"id\": \"<location id>\"}");
		}
		return locations.get(0).id();
	}

	private static @Nullable UUID engagementId(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		UUID id = value instanceof String text ? ApiValues.uuid(text) : null;
		if (id == null) {
			throw DomainException.invalid("engagementId", "engagementId must be the id (a UUID) of an engagement");
		}
		return id;
	}

	/** The deal's own location and whom it invites. */
	private record Targets(LocationId own, @Nullable LocationId partner, boolean vendor) {
	}

}
