package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.Address;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Role;

/**
 * A qualified lead as vendor staff describe it: for which partner location, the customer
 * and what they need, the value estimate and whether the customer asked to be contacted.
 * Public for the CSV import and export ({@code referral.imports}): a CSV row is this
 * form.
 *
 * @param industries the customer's industries, comma-separated (also products and
 * services)
 * @param inviteNotes the sender's note to the partner
 */
public record NewLeadForm(@NotNull @Nullable UUID location, @NotNull @Nullable Qualification qualification,
		@Size(max = 200) @Nullable String dealName, @NotBlank @Size(max = 200) @Nullable String customerName,
		@NotBlank @Nullable String country, @Size(max = 100) @Nullable String city, @Nullable CompanySize size,
		@Valid ContactForm contact, @Size(max = 1000) @Nullable String industries,
		@Size(max = 1000) @Nullable String products, @Size(max = 1000) @Nullable String services,
		@NotBlank @Size(max = DealDetails.MAX_NOTES) @Nullable String notes,
		@DecimalMin("0") @Digits(integer = 12, fraction = 2) @Nullable BigDecimal value, @Nullable String currency,
		@Nullable LocalDate purchaseDate, @Nullable Boolean contactRequested,
		@AssertTrue @Nullable Boolean consentToContact, @Nullable Boolean consentToShare,
		@Size(max = DealDetails.MAX_NOTES) @Nullable String inviteNotes) {

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("target", "location"),
			Map.entry("qualification", "qualification"), Map.entry("name", "dealName"),
			Map.entry("customerProfile/name", "customerName"), Map.entry("customerProfile/address/country", "country"),
			Map.entry("customerProfile/address/city", "city"), Map.entry("details/notes", "notes"),
			Map.entry("details/dealValue", "value"), Map.entry("details/currency", "currency"),
			Map.entry("details/requirements/industries", "industries"),
			Map.entry("details/requirements/products", "products"),
			Map.entry("details/requirements/services", "services"), Map.entry("inviteContext/notes", "inviteNotes"));

	/** A post without any contact field binds it empty, not null. */
	public NewLeadForm {
		contact = contact == null ? ContactForm.EMPTY : contact;
	}

	/**
	 * A sent lead as this form would describe it, for the CSV export: the first customer
	 * contact only, the purchase date as a UTC date.
	 */
	public static NewLeadForm of(Referral referral) {
		Customer customer = referral.customer();
		Money value = referral.dealValue();
		Requirements requirements = referral.requirements();
		return new NewLeadForm(referral.locationId().value(), referral.qualification(), referral.name(),
				customer.name(), customer.address().country(), customer.address().city(), customer.size(),
				customer.contacts().stream().findFirst().map(ContactForm::of).orElse(ContactForm.EMPTY),
				String.join(", ", requirements.industries()), String.join(", ", requirements.products()),
				String.join(", ", requirements.services()), referral.notes(), value == null ? null : value.amount(),
				value == null ? null : value.currency().getCurrencyCode(),
				referral.closingAt() == null ? null : LocalDate.ofInstant(referral.closingAt(), ZoneOffset.UTC),
				referral.contactRequestedAt() != null, referral.consent().consentToContact(),
				referral.consent().consentToShareInfoWithOthers(), referral.inviteNotes());
	}

	/** A blank form, with the program's default currency chosen. */
	static NewLeadForm empty(@Nullable Qualification qualification, Currency defaultCurrency) {
		return new NewLeadForm(null, qualification, null, null, null, null, null, ContactForm.EMPTY, null, null, null,
				null, null, defaultCurrency.getCurrencyCode(), null, false, false, false, null);
	}

	/** The lead as the domain takes it; refused input names its field. */
	public NewReferral toNewReferral() {
		return new NewReferral(new LocationId(this.location), this.qualification, ReferralType.Independent,
				this.dealName, null,
				new Customer(this.customerName, Address.of(null, null, this.city, null, null, this.country), this.size,
						this.contact.members()),
				new Consent(Boolean.TRUE.equals(this.consentToContact), Boolean.TRUE.equals(this.consentToShare)),
				new Requirements(tags(this.industries), tags(this.products), tags(this.services), List.of()),
				this.notes, this.value == null ? null : Money.of(this.value, this.currency),
				this.purchaseDate == null ? null : this.purchaseDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
				Boolean.TRUE.equals(this.contactRequested), this.inviteNotes);
	}

	public static @Nullable String field(String target) {
		String contact = ContactForm.field(target);
		return contact != null ? contact : FIELDS.get(target);
	}

	/** What this caller may send: SPEC section 1. */
	public static List<Qualification> qualifications(Caller caller) {
		if (caller.hasRole(Role.VENDOR_ADMIN)) {
			return List.of(Qualification.SalesQualified, Qualification.MarketingQualified);
		}
		return caller.hasRole(Role.VENDOR_SELLER) ? List.of(Qualification.SalesQualified)
				: List.of(Qualification.MarketingQualified);
	}

	/** Comma-separated tags, as the forms take them. */
	static List<String> tags(@Nullable String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
	}

}
