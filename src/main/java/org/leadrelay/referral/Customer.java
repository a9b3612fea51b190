package org.leadrelay.referral;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.Text;

/**
 * The customer behind a referral.
 *
 * @param contacts people at the customer to talk to
 */
public record Customer(String name, Address address, @Nullable CompanySize size, List<TeamMember> contacts) {

	public Customer {
		name = Text.required("customerProfile/name", name, 200);
		contacts = List.copyOf(contacts);
	}

	Customer withContact(TeamMember contact) {
		List<TeamMember> more = new ArrayList<>(this.contacts);
		more.add(contact);
		return new Customer(this.name, this.address, this.size, more);
	}

}
