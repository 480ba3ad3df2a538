/** The session library in the app: search, open, compare two, a trainee's progress, a report (io.tactus.library). */
package io.tactus.app.library;
