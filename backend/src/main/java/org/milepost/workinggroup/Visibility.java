package org.milepost.workinggroup;

/** Who may read a working group: everyone, or only its members (outsiders get 404). */
public enum Visibility {
    PUBLIC,
    MEMBERS
}
