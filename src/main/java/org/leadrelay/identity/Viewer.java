package org.leadrelay.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Organizations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is looking at a page, for templates ({@code ${@viewer.name}}): the header shows
 * their name and organization and the sections their roles open.
 */
@Component("viewer")
public class Viewer {

	private final Organizations organizations;

	Viewer(Organizations organizations) {
		this.organizations = organizations;
	}

	public boolean isSignedIn() {
		return caller() != null;
	}

	public String getName() {
		Caller caller = caller();
		return caller == null ? "" : caller.displayName();
	}

	public String getOrganization() {
		Caller caller = caller();
		return caller == null ? "" : this.organizations.nameOf(caller.organizationId());
	}

	public boolean isVendor() {
		Caller caller = caller();
		return caller != null && caller.isVendor();
	}

	/** Whether the viewer has any of the roles (by name, as templates spell them). */
	public boolean hasAnyRole(String... roles) {
		Caller caller = caller();
		if (caller == null) {
			return false;
		}
		for (String role : roles) {
			if (caller.hasRole(Role.valueOf(role))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The signed-in user as a {@link Caller}, for beans that templates ask about the
	 * viewer's own data; empty on public pages.
	 */
	public Optional<Caller> current() {
		return Optional.ofNullable(caller());
	}

	private static @Nullable Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user.caller()
				: null;
	}

}
