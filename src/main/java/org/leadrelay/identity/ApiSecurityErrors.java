package org.leadrelay.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.platform.ApiProblem;
import org.leadrelay.shared.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers unauthenticated and forbidden API requests with the same problem+json body as
 * every other API error, keeping the {@code WWW-Authenticate} header that bearer token
 * clients expect.
 */
final class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	ApiSecurityErrors(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		write(response, ErrorCode.UNAUTHENTICATED,
				"A valid bearer token is required: get one from /oauth2/token with the client_credentials grant",
				request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDenied.handle(request, response, accessDeniedException);
		write(response, ErrorCode.ACCESS_DENIED, "This client may not do that", request);
	}

	private void write(HttpServletResponse response, ErrorCode code, String message, HttpServletRequest request)
			throws IOException {
		ProblemDetail problem = ApiProblem.of(code, message, null, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
