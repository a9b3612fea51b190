package org.leadrelay.crm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStage;
import org.leadrelay.shared.DomainException;

/**
 * Which open opportunity stage in the CRM stands for each sales stage of a co-sell deal,
 * per connection: Salesforce stage names ({@code StageName}), or values of a Dynamics 365
 * choice column ({@code salesstage}: 0 Qualify, 1 Develop, 2 Propose, 3 Close). Won and
 * lost are the field mapping's won and lost stages. Several stages may share a CRM value;
 * read back, a value means the furthest stage that carries it (as the Referrals API's
 * {@code salesStage} does), so Dynamics 365's Qualify is Qualified, not Accepted. A value
 * left blank is the default.
 *
 * @param field the Dynamics 365 choice column (Salesforce always uses {@code StageName})
 */
public record DealStageMapping(@Nullable String field, @Nullable String accepted, @Nullable String qualified,
		@Nullable String developed, @Nullable String proposed, @Nullable String negotiated) {

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

	private static final Pattern CHOICE = Pattern.compile("[0-9]{1,9}");

	/** The stages a deal is open in, which an open opportunity's stage stands for. */
	private static final List<DealStage> OPEN = List.of(DealStage.Accepted, DealStage.Qualified, DealStage.Developed,
			DealStage.Proposed, DealStage.Negotiated);

	public static DealStageMapping defaults(CrmKind kind) {
		return switch (kind) {
			case DYNAMICS_365 -> new DealStageMapping("salesstage", "0", "0", "1", "2", "3");
			case SALESFORCE -> new DealStageMapping(null, "Prospecting", "Qualification", "Needs Analysis",
					"Proposal/Price Quote", "Negotiation/Review");
		};
	}

	/** The CRM's stage for an open deal at this stage; null for Won. */
	@Nullable String crmStage(DealStage stage) {
		return switch (stage) {
			case Accepted -> this.accepted;
			case Qualified -> this.qualified;
			case Developed -> this.developed;
			case Proposed -> this.proposed;
			case Negotiated -> this.negotiated;
			case Won -> null;
		};
	}

	/** The furthest open stage the CRM's stage stands for, if any. */
	Optional<DealStage> dealStage(String crmStage) {
		for (int i = OPEN.size() - 1; i >= 0; i--) {
			if (crmStage.equals(crmStage(OPEN.get(i)))) {
				return Optional.of(OPEN.get(i));
			}
		}
		return Optional.empty();
	}

	/** The CRM's open stages, in the order of the deal stages. */
	public List<String> crmStages() {
		return OPEN.stream().map(this::crmStage).distinct().toList();
	}

	/**
	 * This mapping trimmed, blanks replaced by the kind's defaults, and checked: a value
	 * at fault is refused naming it ({@code fieldMapping/dealStages/qualified}).
	 */
	DealStageMapping validFor(CrmKind kind) {
		DealStageMapping defaults = defaults(kind);
		String field = or(this.field, defaults.field);
		if (kind == CrmKind.SALESFORCE && field != null) {
			throw invalid("field",
					"Salesforce keeps an opportunity's stage in StageName; leave dealStages/field empty");
		}
		if (field != null && !FIELD_NAME.matcher(field).matches()) {
			throw invalid("field", "fieldMapping/dealStages/field '" + field
					+ "' is not an API field name (letters, digits and _, starting with a letter)");
		}
		DealStageMapping mapping = new DealStageMapping(field, or(this.accepted, defaults.accepted),
				or(this.qualified, defaults.qualified), or(this.developed, defaults.developed),
				or(this.proposed, defaults.proposed), or(this.negotiated, defaults.negotiated));
		for (DealStage stage : OPEN) {
			String value = String.valueOf(mapping.crmStage(stage));
			String name = stage.name().toLowerCase(Locale.ROOT);
			if (kind == CrmKind.DYNAMICS_365 && !CHOICE.matcher(value).matches()) {
				throw invalid(name, "fieldMapping/dealStages/" + name
						+ " must be the value of a choice of the stage column, such as 1 (Develop)");
			}
			if (value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
				throw invalid(name, "fieldMapping/dealStages/" + name
						+ " must be a Salesforce opportunity stage name, such as Qualification");
			}
		}
		return mapping;
	}

	private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	private static DomainException invalid(String field, String message) {
		return DomainException.invalid("fieldMapping/dealStages/" + field, message);
	}

}
