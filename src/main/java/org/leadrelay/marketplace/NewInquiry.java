package org.leadrelay.marketplace;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;

/**
 * What a customer writes in a location's contact form.
 *
 * @param topics tags of the partner's profile the inquiry is about, if the customer
 * ticked any
 * @param consentToContact the customer agrees to be contacted (required)
 * @param contactRequested the customer asks to be contacted as soon as possible
 */
public record NewInquiry(String company, @Nullable CompanySize size, String country, @Nullable String firstName,
		String lastName, String email, @Nullable String phone, String needs, List<String> topics,
		boolean consentToContact, boolean contactRequested) {

	/** The longest description of needs a customer may send. */
	public static final int MAX_NEEDS = 2000;

	public NewInquiry {
		topics = List.copyOf(topics);
	}

}
