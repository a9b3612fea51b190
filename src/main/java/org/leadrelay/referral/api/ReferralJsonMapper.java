package org.leadrelay.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Inviter;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.RelatedReferral;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.referral.registration.DealRegistration;
import org.leadrelay.referral.registration.DealRegistrations;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;

/** Renders referrals as {@link ReferralJson}. */
@Component
class ReferralJsonMapper {

	static final String TARGET_TYPE = "BusinessProfileLocation";

	private final Organizations organizations;

	private final DealRegistrations registrations;

	ReferralJsonMapper(Organizations organizations, DealRegistrations registrations) {
		this.organizations = organizations;
		this.registrations = registrations;
	}

	ReferralJson toJson(ViewedReferral viewed) {
		Referral referral = viewed.referral();
		return toJson(viewed, this.registrations.ofDeals(List.of(referral)).get(referral.id()));
	}

	/** A page of referrals, their registrations read in one query. */
	List<ReferralJson> toJson(List<ViewedReferral> page) {
		Map<ReferralId, DealRegistration> registered = this.registrations
			.ofDeals(page.stream().map(ViewedReferral::referral).toList());
		return page.stream().map(viewed -> toJson(viewed, registered.get(viewed.referral().id()))).toList();
	}

	private ReferralJson toJson(ViewedReferral viewed, @Nullable DealRegistration registration) {
		Referral referral = viewed.referral();
		Money value = referral.dealValue();
		var customer = referral.customer();
		var address = customer.address();
		ReferralAttributes attributes = referral.attributes();
		return new ReferralJson(referral.id().toString(), referral.engagementId().toString(),
				referral.organizationId().toString(), this.organizations.nameOf(referral.organizationId()),
				referral.name(), referral.externalReferenceId(), referral.campaignId(), time(referral.createdAt()),
				time(referral.updatedAt()), time(referral.expiresAt()), time(referral.acceptedAt()),
				time(referral.closedAt()), referral.status().name(), referral.substatus().name(),
				referral.statusReason(), referral.type().name(), referral.qualification().name(),
				viewed.direction().name(), viewed.favorite(), ETags.of(referral),
				List.of(new ReferralJson.Target(TARGET_TYPE, referral.locationId().toString())),
				new ReferralJson.CustomerProfile(customer.name(),
						new ReferralJson.Address(address.addressLine1(), address.addressLine2(), address.city(),
								address.state(), address.postalCode(), address.country(), attributes.region()),
						customer.size() == null ? null : customer.size().code(), members(customer.contacts()),
						attributes.customerIds()),
				new ReferralJson.Consent(referral.consent().consentToContact(),
						referral.consent().consentToShareInfoWithOthers(),
						attributes.consentToShareReferralWithMicrosoftSellers()),
				new ReferralJson.Details(referral.notes(), value == null ? null : value.amount(),
						value == null ? null : value.currency().getCurrencyCode(), time(referral.closingAt()),
						referral.contactRequestedAt() != null, attributes.customerAction(),
						requirements(referral.requirements(), attributes)),
				members(referral.team()), inviteContext(referral),
				attributes.salesStage() == null ? null : attributes.salesStage().name(), attributes.referralProgram(),
				attributes.referralSource(), attributes.callToAction(),
				attributes.microsoftMsxId() == null ? null : new ReferralJson.TrackingInfo(attributes.microsoftMsxId()),
				attributes.tags().stream().map(ReferralJson.ReferralTag::new).toList(), related(viewed.related()),
				registration == null ? List.of() : List.of(registration(registration)),
				registration == null ? null : registration.status().name());
	}

	private static ReferralJson.Registration registration(DealRegistration registration) {
		return new ReferralJson.Registration(registration.id().toString(), registration.registeredAt().toString(),
				registration.status().name(), registration.statusReason(),
				new ReferralJson.Contract(registration.value().amount(),
						registration.value().currency().getCurrencyCode()),
				registration.products().stream().map(product -> new ReferralJson.Solution(product, product)).toList());
	}

	private List<ReferralJson.Related> related(List<RelatedReferral> related) {
		return related.stream()
			.map(other -> new ReferralJson.Related(other.organizationId().toString(),
					this.organizations.nameOf(other.organizationId()), other.origin().direction().name(),
					other.substatus().status().name(), other.substatus().name(),
					other.stage() == null || other.stage().salesStage() == null ? null
							: other.stage().salesStage().name(),
					other.stage() == null ? null : other.stage().name(),
					other.stage() == null ? null : other.stage().percent()))
			.toList();
	}

	/**
	 * Who invited the record's owner: the sender of a qualified lead (the vendor), the
	 * organization whose deal an invitation is to; nobody for a customer's inquiry or a
	 * partner's own deal.
	 */
	private ReferralJson.InviteContext inviteContext(Referral referral) {
		Inviter inviter = referral.engagement().inviter();
		OrganizationId by = inviter != null ? inviter.organizationId()
				: referral.engagement().origin() == Origin.Lead && referral.qualification() != Qualification.Direct
						? referral.vendorOrganizationId() : null;
		ReferralJson.InvitedBy invitedBy = by == null ? null
				: new ReferralJson.InvitedBy(by.toString(), this.organizations.nameOf(by));
		return new ReferralJson.InviteContext(referral.inviteNotes(), referral.attributes().assistanceRequestCode(),
				invitedBy);
	}

	private static ReferralJson.Requirements requirements(Requirements requirements, ReferralAttributes attributes) {
		return new ReferralJson.Requirements(tags(requirements.industries()), tags(requirements.products()),
				tags(requirements.services()), requirements.solutions(), attributes.offers(),
				attributes.additionalRequirements());
	}

	private static List<ReferralJson.Tag> tags(List<String> names) {
		return names.stream().map(ReferralJson.Tag::new).toList();
	}

	static List<ReferralJson.Member> members(List<TeamMember> members) {
		return members.stream()
			.map(member -> new ReferralJson.Member(member.firstName(), member.lastName(), member.phoneNumber(),
					member.email().value()))
			.toList();
	}

	static @Nullable String time(@Nullable Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
