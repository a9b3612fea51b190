package org.leadrelay.referral.api;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
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
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.DomainException;

/** Turns a {@link CreateReferralRequest} into a validated {@link NewReferral}. */
final class NewReferralMapper {

	private NewReferralMapper() {
	}

	static NewReferral toNewReferral(CreateReferralRequest request) {
		CreateReferralRequest.CustomerProfile profile = required("customerProfile", request.customerProfile());
		CreateReferralRequest.Details details = request.details() == null
				? new CreateReferralRequest.Details(null, null, null, null, null, null) : request.details();
		CreateReferralRequest.Consent consent = required("consent", request.consent());
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
				request.inviteContext() == null ? null : request.inviteContext().notes());
	}

	private static LocationId target(@Nullable List<CreateReferralRequest.Target> targets) {
		if (targets == null || targets.size() != 1) {
			throw DomainException.invalid("target", "target must name exactly one partner location: [{\"type\": \""
					+ ReferralJsonMapper.TARGET_TYPE + "\", \"id\": \"<location id>\"}]");
		}
		CreateReferralRequest.Target target = targets.get(0);
		if (target.type() != null && !ReferralJsonMapper.TARGET_TYPE.equals(target.type())) {
			throw DomainException.invalid("target/0/type", "target/0/type must be " + ReferralJsonMapper.TARGET_TYPE);
		}
		UUID id = ApiValues.uuid(target.id());
		if (id == null) {
			throw DomainException.invalid("target/0/id", "target/0/id must be a location id (a UUID)");
		}
		return new LocationId(id);
	}

	private static Customer customer(CreateReferralRequest.CustomerProfile profile) {
		CreateReferralRequest.Address address = required("customerProfile/address", profile.address());
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

	static List<TeamMember> members(String target, @Nullable List<CreateReferralRequest.Member> members) {
		if (members == null) {
			return List.of();
		}
		if (members.size() > 50) {
			throw DomainException.invalid(target, target + " takes at most 50 members");
		}
		List<TeamMember> result = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			CreateReferralRequest.Member member = required(target + "/" + i, members.get(i));
			result.add(TeamMember.of(target + "/" + i, member.firstName(), member.lastName(), member.phoneNumber(),
					member.email()));
		}
		return result;
	}

	private static Requirements requirements(CreateReferralRequest.@Nullable Requirements requirements) {
		if (requirements == null) {
			return Requirements.NONE;
		}
		return new Requirements(tags("details/requirements/industries", requirements.industries()),
				tags("details/requirements/products", requirements.products()),
				tags("details/requirements/services", requirements.services()),
				requirements.solutions() == null ? List.of() : requirements.solutions());
	}

	private static List<String> tags(String target, @Nullable List<CreateReferralRequest.Tag> tags) {
		if (tags == null) {
			return List.of();
		}
		return tags.stream().map(tag -> required(target + "/id", tag == null ? null : tag.id())).toList();
	}

	private static @Nullable Money money(CreateReferralRequest.Details details) {
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

	private static <T> T required(String target, @Nullable T value) {
		if (value == null) {
			throw DomainException.invalid(target, target + " is required");
		}
		return value;
	}

}
