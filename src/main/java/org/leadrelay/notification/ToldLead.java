package org.leadrelay.notification;

/**
 * One lead of a mail that tells about several, with the words its texts are filled with.
 */
record ToldLead(Notice notice, NoticeArguments arguments) {
}
