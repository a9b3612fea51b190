package org.leadrelay.referral;

import org.leadrelay.shared.Caller;

/**
 * Who made a change, for the timeline.
 *
 * @param id stable principal id ({@code user:...}, {@code client:...}, {@code system})
 * @param name what people see
 * @param source UI, API or the system itself
 */
public record Actor(String id, String name, Source source) {

	public static final Actor SYSTEM = new Actor("system", "LeadRelay", Source.SYSTEM);

	public static Actor of(Caller caller, Source source) {
		return new Actor(caller.principalId(), caller.displayName(), source);
	}

}
