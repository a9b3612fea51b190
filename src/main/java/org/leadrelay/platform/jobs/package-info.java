/**
 * The one way background jobs run on a cluster: a {@code @Scheduled} method that also
 * carries {@link org.leadrelay.platform.jobs.ClusteredJob} declares whether it runs on
 * one node at a time (under a lock in the {@code job_lock} table, ShedLock's JDBC
 * provider) or on every node (because it shares its work out itself, with
 * {@code FOR UPDATE SKIP LOCKED}). {@link org.leadrelay.platform.jobs.ClusteredJobs} runs
 * it: it takes the lock, logs a failure and times every run in
 * {@code leadrelay.jobs.runs}, tagged by job and outcome.
 */
@NullMarked
package org.leadrelay.platform.jobs;

import org.jspecify.annotations.NullMarked;
