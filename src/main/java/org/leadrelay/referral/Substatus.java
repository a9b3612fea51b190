package org.leadrelay.referral;

import java.util.Arrays;
import java.util.List;

/**
 * Where a referral is in its lifecycle. Received is new, Accepted is being worked, the
 * rest are archived (terminal).
 */
public enum Substatus {

	Received(Status.New), Accepted(Status.Active), Won(Status.Closed), Lost(Status.Closed), Declined(Status.Closed),
	Expired(Status.Closed);

	private final Status status;

	Substatus(Status status) {
		this.status = status;
	}

	public Status status() {
		return this.status;
	}

	public boolean isArchived() {
		return this.status == Status.Closed;
	}

	public static List<Substatus> of(Status status) {
		return Arrays.stream(values()).filter(substatus -> substatus.status == status).toList();
	}

}
