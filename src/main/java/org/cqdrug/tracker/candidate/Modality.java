package org.cqdrug.tracker.candidate;

/** Kind of therapeutic. */
public enum Modality {
    SMALL_MOLECULE, ANTIBODY, ADC, CELL_THERAPY, GENE_THERAPY, VACCINE, PEPTIDE, TCM_FORMULA, OTHER
}
