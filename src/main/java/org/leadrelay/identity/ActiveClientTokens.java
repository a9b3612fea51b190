package org.leadrelay.identity;

import java.util.function.Predicate;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses the tokens of a client that has been revoked since they were issued: a token is
 * valid for its whole lifetime by its signature alone, but a revoked integration must
 * stop at once, not half an hour later.
 */
final class ActiveClientTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final Predicate<String> activeClient;

	/**
	 * @param activeClient whether the client of this id is still active (tokens of the
	 * client credentials grant name it as their subject)
	 */
	ActiveClientTokens(JwtDecoder decoder, Predicate<String> activeClient) {
		this.decoder = decoder;
		this.activeClient = activeClient;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getSubject() == null || !this.activeClient.test(jwt.getSubject())) {
			throw new BadJwtException("The client of this token has been revoked");
		}
		return jwt;
	}

}
