package org.leadrelay.referral.api;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.Address;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.SalesStage;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.DomainException;

/**
 * Turns a {@link ReferralRequest} into a validated {@link NewReferral}, and reads the
 * parts of it that a replacement states too.
 */
final class NewReferralMapper {

	private static final List<String> ASSISTANCE_REQUEST_CODES = List.of("Unknown", "GeneralOrOther",
			"CustomerTechnicalArchitecture", "ProofOfConceptOrDemo", "QuotesOrLicensing", "PostSalesCustomerSuccess",
			"WorkloadSpecificValueProposition");

	private NewReferralMapper() {
	}

	static NewReferral toNewReferral(ReferralRequest request) {
		ReferralRequest.CustomerProfile profile = required("customerProfile", request.customerProfile());
		ReferralRequest.Details details = request.details() == null
				? new ReferralRequest.Details(null, null, null, null, null, null, null) : request.details();
		ReferralRequest.Consent consent = required("consent", request.consent());
		return new NewReferral(target(request.target()),
				ApiValues.enumValue("qualification", request.qualification(), Qualification.class),
				request.type() == null ? ReferralType.Independent
						: ApiValues.enumValue("type", request.type(), ReferralType.class),
				request.name(), request.campaignId(), customer(profile),
				new Consent(Boolean.TRUE.equals(consent.consentToContact()),
						Boolean.TRUE.equals(consent.consentToToShareInfoWithOthers())),
				requirements(details.requirements()), details.notes(), money(details),
				ApiValues.instant("details/closingDateTime", details.closingDateTime()),
				Boolean.TRUE.equals(details.customerRequestedContact()),
				request.inviteContext() == null ? null : request.inviteContext().notes(),
				members("team", request.team()), request.externalReferenceId(), attributes(request));
	}

	/**
	 * What the request carries beyond LeadRelay's workflow; absent values are absent, as
	 * in a full replacement.
	 */
	static ReferralAttributes attributes(ReferralRequest request) {
		ReferralRequest.CustomerProfile profile = request.customerProfile();
		ReferralRequest.Address address = profile == null ? null : profile.address();
		ReferralRequest.Details details = request.details();
		ReferralRequest.Requirements requirements = details == null ? null : details.requirements();
		ReferralRequest.InviteContext invite = request.inviteContext();
		return new ReferralAttributes(
				request.salesStage() == null ? null
						: ApiValues.enumValue("salesStage", request.salesStage(), SalesStage.class),
				request.referralProgram(), request.referralSource(), request.callToAction(),
				request.trackingInfo() == null ? null : request.trackingInfo().microsoftMsxId(),
				details == null ? null : details.customerAction(),
				invite == null ? null : assistanceRequestCode(invite.assistanceRequestCode()), tags(request.tags()),
				profile == null || profile.ids() == null ? List.of() : profile.ids(),
				address == null ? null : address.region(),
				request.consent() == null ? null : request.consent().consentToShareReferralWithMicrosoftSellers(),
				requirements == null || requirements.offers() == null ? List.of() : requirements.offers(),
				requirements == null ? null : requirements.additionalRequirements());
	}

	private static @Nullable String assistanceRequestCode(@Nullable String code) {
		if (code != null && !ASSISTANCE_REQUEST_CODES.contains(code)) {
			throw DomainException.invalid("inviteContext/assistanceRequestCode",
					"inviteContext/assistanceRequestCode '" + ApiValues.abbreviate(code) + "' is not valid; use one of "
							+ String.join(", ", ASSISTANCE_REQUEST_CODES));
		}
		return code;
	}

	/**
	 * Tags as the reference's items say, {@code {"tag": "..."}}, or as plain strings (its
	 * item type).
	 */
	private static List<String> tags(@Nullable List<Object> tags) {
		if (tags == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			Object tag = tags.get(i);
			if (tag instanceof Map<?, ?> object && object.size() == 1 && object.get("tag") instanceof String name) {
				names.add(name);
			}
			else if (tag instanceof String name) {
				names.add(name);
			}
			else {
				throw DomainException.invalid("tags/" + i, "tags/" + i + " must be {\"tag\": \"<name>\"}");
			}
		}
		return names;
	}

	private static LocationId target(@Nullable List<ReferralRequest.Target> targets) {
		if (targets == null || targets.size() != 1) {
			throw DomainException.invalid("target", "target must name exactly one partner location: [{\"type\": \""
					+ ReferralJsonMapper.TARGET_TYPE + "\", \"id\": \"<location id>\"}]");
		}
		ReferralRequest.Target target = targets.get(0);
		if (target.type() != null && !ReferralJsonMapper.TARGET_TYPE.equals(target.type())) {
			throw DomainException.invalid("target/0/type", "target/0/type must be " + ReferralJsonMapper.TARGET_TYPE);
		}
		UUID id = ApiValues.uuid(target.id());
		if (id == null) {
			throw DomainException.invalid("target/0/id", "target/0/id must be a location id (a UUID)");
		}
		return new LocationId(id);
	}

	static Customer customer(ReferralRequest.CustomerProfile profile) {
		ReferralRequest.Address address = required("customerProfile/address", profile.address());
		CompanySize size = null;
		if (profile.size() != null) {
			size = CompanySize.fromCode(profile.size())
				.orElseThrow(() -> DomainException.invalid("customerProfile/size", "customerProfile/size '"
						+ ApiValues.abbreviate(profile.size()) + "' is not valid; use one of "
						+ String.join(", ", Arrays.stream(CompanySize.values()).map(CompanySize::code).toList())));
		}
		return new Customer(profile.name(),
				Address.of(address.addressLine1(), address.addressLine2(), address.city(), address.state(),
						address.postalCode(), address.country()),
				size, members("customerProfile/team", profile.team()));
	}

	static List<TeamMember> members(String target, @Nullable List<ReferralRequest.Member> members) {
		if (members == null) {
			return List.of();
		}
		if (members.size() > Referral.MAX_TEAM) {
			throw DomainException.invalid(target, target + " takes at most " + Referral.MAX_TEAM + " members");
		}
		List<TeamMember> result = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			ReferralRequest.Member member = required(target + "/" + i, members.get(i));
			result.add(TeamMember.of(target + "/" + i, member.firstName(), member.lastName(), member.phoneNumber(),
					member.email()));
		}
		return result;
	}

	static Requirements requirements(ReferralRequest.@Nullable Requirements requirements) {
		if (requirements == null) {
			return Requirements.NONE;
		}
		return new Requirements(tags("details/requirements/industries", requirements.industries()),
				tags("details/requirements/products", requirements.products()),
				tags("details/requirements/services", requirements.services()),
				requirements.solutions() == null ? List.of() : requirements.solutions());
	}

	private static List<String> tags(String target, @Nullable List<ReferralRequest.Tag> tags) {
		if (tags == null) {
			return List.of();
		}
		return tags.stream().map(tag -> required(target + "/id", tag == null ? null : tag.id())).toList();
	}

	static @Nullable Money money(ReferralRequest.Details details) {
		if (details.dealValue() == null && details.currency() == null) {
			return null;
		}
		if (details.dealValue() == null) {
			throw DomainException.invalid("details/dealValue", "details/dealValue is required with details/currency");
		}
		if (details.currency() == null) {
			throw DomainException.invalid("details/currency", "details/currency is required with details/dealValue");
		}
		return Money.of(details.dealValue(), details.currency());
	}

	static <T> T required(String target, @Nullable T value) {
		if (value == null) {
			throw DomainException.invalid(target, target + " is required");
		}
		return value;
	}

}
