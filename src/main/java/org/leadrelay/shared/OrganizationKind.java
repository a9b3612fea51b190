package org.leadrelay.shared;

/**
 * What an organization is in the program: the vendor that routes leads, or a partner that
 * receives them.
 */
public enum OrganizationKind {

	VENDOR, PARTNER

}
