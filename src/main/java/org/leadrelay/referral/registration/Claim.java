package org.leadrelay.referral.registration;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

/**
 * A partner's claim on a customer: its deal, or its registration of a won deal, for
 * products of the vendor's catalogue. Two claims are a channel conflict when different
 * partners claim the same customer for an overlapping product within the protection
 * window while both claims are open.
 *
 * @param customerKey the customer's normalised company name ({@link #normalise})
 * @param country the customer's ISO country code
 * @param customerIds the customer's external ids, normalised to lower-case text
 * @param createdAt when the deal was created, or the registration made
 * @param open whether the claim still stands: an accepted (open) deal, or a pending or
 * approved registration
 */
record Claim(ReferralId referralId, OrganizationId organizationId, String customerKey, String country,
		Set<String> customerIds, Set<String> products, Instant createdAt, boolean open) {

	/** Words of a company's legal form, which say nothing about which company it is. */
	private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh",
			"mbh", "kg", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "co", "corp", "corporation",
			"company", "kft", "zrt", "nyrt", "bt", "rt", "oy", "ab", "as", "aps", "the");

	Claim {
		country = country.toUpperCase(Locale.ROOT);
		customerIds = Set.copyOf(customerIds);
		products = Set.copyOf(products);
	}

	/** A claim as it is stored, with its company name and external ids still raw. */
	static Claim of(ReferralId referralId, OrganizationId organizationId, String companyName, String country,
			Collection<?> customerIds, Collection<String> products, Instant createdAt, boolean open) {
		Set<String> ids = customerIds.stream()
			.filter(Objects::nonNull)
			.map(id -> String.valueOf(id).trim().toLowerCase(Locale.ROOT))
			.filter(id -> !id.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return new Claim(referralId, organizationId, normalise(companyName), country, ids, Set.copyOf(products),
				createdAt, open);
	}

	/**
	 * A company name as people write it in several ways: without accents, case,
	 * punctuation and legal form ("Contoso Kft." and "CONTOSO, kft" are one company).
	 */
	static String normalise(String companyName) {
		String plain = Normalizer.normalize(companyName, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.trim();
		List<String> words = Arrays.asList(plain.split(" "));
		List<String> significant = words.stream().filter(word -> !LEGAL_FORMS.contains(word)).toList();
		return String.join(" ", significant.isEmpty() ? words : significant);
	}

	/**
	 * Whether both claim the same customer: the same external id, or the same normalised
	 * name in the same country.
	 */
	boolean sameCustomer(Claim other) {
		return this.customerIds.stream().anyMatch(other.customerIds::contains) || !this.customerKey.isEmpty()
				&& this.customerKey.equals(other.customerKey) && this.country.equals(other.country);
	}

	/** The products both claim. */
	Set<String> sharedProducts(Claim other) {
		Set<String> shared = new LinkedHashSet<>(this.products);
		shared.retainAll(other.products);
		return shared;
	}

	/**
	 * Whether this claim and another conflict: another partner's, both open, created no
	 * further apart than the protection window (the window's edge included), on the same
	 * customer and a product in common.
	 */
	boolean conflictsWith(Claim other, Duration protectionWindow) {
		return !this.organizationId.equals(other.organizationId) && this.open && other.open
				&& Duration.between(this.createdAt, other.createdAt).abs().compareTo(protectionWindow) <= 0
				&& sameCustomer(other) && !sharedProducts(other).isEmpty();
	}

}
