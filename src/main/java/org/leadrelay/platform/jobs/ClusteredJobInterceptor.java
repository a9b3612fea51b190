package org.leadrelay.platform.jobs;

import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Hands each invocation of a {@link ClusteredJob} method to {@link ClusteredJobs}. The
 * runner is looked up at the first run: a post-processor must not pull beans in early.
 */
final class ClusteredJobInterceptor implements MethodInterceptor {

	private final ObjectProvider<ClusteredJobs> jobs;

	ClusteredJobInterceptor(ObjectProvider<ClusteredJobs> jobs) {
		this.jobs = jobs;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) {
		ClusteredJob job = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), ClusteredJob.class);
		if (job == null) {
			throw new IllegalStateException(invocation.getMethod() + " is not a @ClusteredJob");
		}
		this.jobs.getObject().run(job.value(), job.runs(), Duration.parse(job.lockAtMostFor()), invocation::proceed);
		return null;
	}

}
