package org.leadrelay.platform;

/**
 * A setting LeadRelay cannot start without in the way it was started (on an external
 * database, say); {@link MissingSettingFailureAnalyzer} reports it as what to set, not as
 * a stack trace.
 */
public class MissingSetting extends IllegalStateException {

	private final String property;

	private final String action;

	/**
	 * @param property the property, e.g. {@code leadrelay.public-url}
	 * @param why why it is needed now
	 * @param action what to set it to
	 */
	public MissingSetting(String property, String why, String action) {
		super(property + " is not set: " + why);
		this.property = property;
		this.action = action;
	}

	public String property() {
		return this.property;
	}

	public String action() {
		return this.action;
	}

}
