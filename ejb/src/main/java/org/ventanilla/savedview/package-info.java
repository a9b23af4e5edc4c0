/**
 * Saved views: a named combination of inbox filters (status, channel, assignee, priority, tag,
 * text), personal or shared with the team, with a live count computed by the database.
 */
package org.ventanilla.savedview;
