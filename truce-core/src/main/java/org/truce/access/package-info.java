/**
 * Who may see and change what: roles, permissions, the sensitivity of each field of the record,
 * and the one redaction every view and export goes through. Plain Java: the server, the CLI and
 * the exports ask this package and never decide on their own.
 */
package org.truce.access;
