// Autosave of rating forms (a rater's form, the leader's self-rating): every fieldset with
// data-save-url PUTs {"answer": code} when a choice changes.
