/** See this module's README: its work arrives with a later issue. */
package dev.umwelt.rosbridge;
