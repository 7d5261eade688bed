/* Why innaxe escapes XML by hand: the same sheet XML as the benchmark's rows, produced with
 * libxml2's xmlTextWriter (one call per element and attribute, as a writer built on it must
 * make), written to a file without compression. If this alone is slower than innaxe's whole
 * write (XML + deflate), xmlTextWriter cannot be the faster choice. Built by run.py:
 *     gcc -O2 xmltextwriter_sheet.c $(pkg-config --cflags --libs libxml-2.0) -lm
 * Usage: xmltextwriter-sheet ROWS OUT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <libxml/xmlwriter.h>

static const char *regions[] = {"Catalunya", "Île-de-France", "Rhein-Neckar", "Hovedstaden", "София-град",
                                "Baden-Württemberg", "Øresund", "Occitanie"};
static const char *products[] = {"Diagnostic kit", "Réactif A&B", "Enzym <Typ 2>", "Антитела", "Sonde \"Q\"", "Vaccin",
                                 "Biopsie", "Pipette", "Assay", "Puffer", "Kulturmedium", "Scanner", "Implant"};
static const char *notes[] = {"", "urgent, fragile", "livraison partielle", "Nachlieferung folgt", "доставено"};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void ref(char *buf, int col, long row) {
    snprintf(buf, 16, "%c%ld", 'A' + col, row);
}

static void number(xmlTextWriterPtr w, int col, long row, double v, const char *style) {
    char r[16], text[32];
    ref(r, col, row);
    xmlTextWriterStartElement(w, BAD_CAST "c");
    xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST r);
    if (style) xmlTextWriterWriteAttribute(w, BAD_CAST "s", BAD_CAST style);
    /* %.17g round-trips but is not the shortest form; it is the cheapest correct printf. */
    snprintf(text, sizeof text, v == floor(v) && fabs(v) < 1e15 ? "%.0f" : "%.17g", v);
    xmlTextWriterWriteElement(w, BAD_CAST "v", BAD_CAST text);
    xmlTextWriterEndElement(w);
}

static void string(xmlTextWriterPtr w, int col, long row, const char *s) {
    char r[16];
    ref(r, col, row);
    xmlTextWriterStartElement(w, BAD_CAST "c");
    xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST r);
    xmlTextWriterWriteAttribute(w, BAD_CAST "t", BAD_CAST "inlineStr");
    xmlTextWriterStartElement(w, BAD_CAST "is");
    xmlTextWriterWriteElement(w, BAD_CAST "t", BAD_CAST s);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xmltextwriter-sheet ROWS OUT\n"); return 2; }
    long rows = atol(argv[1]);
    double t0 = now();
    xmlTextWriterPtr w = xmlNewTextWriterFilename(argv[2], 0);
    if (!w) { fprintf(stderr, "cannot open %s\n", argv[2]); return 1; }
    xmlTextWriterStartDocument(w, NULL, "UTF-8", "yes");
    xmlTextWriterStartElement(w, BAD_CAST "worksheet");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    xmlTextWriterStartElement(w, BAD_CAST "sheetData");
    char refbuf[32], rowtext[16];
    for (long i = 1; i <= rows; i++) {
        long row = i + 1;
        snprintf(rowtext, sizeof rowtext, "%ld", row);
        xmlTextWriterStartElement(w, BAD_CAST "row");
        xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST rowtext);
        long quantity = (i * 7) % 100 + 1;
        double price = (double)((i * 37) % 10000) / 100 + 0.99;
        number(w, 0, row, (double)i, NULL);
        snprintf(refbuf, sizeof refbuf, "REF-%ld", i);
        string(w, 1, row, refbuf);
        string(w, 2, row, regions[i % 8]);
        string(w, 3, row, products[i % 13]);
        number(w, 4, row, (double)quantity, "2");
        number(w, 5, row, price, "3");
        number(w, 6, row, round((double)quantity * price * 100) / 100, "3");
        number(w, 7, row, 43831.0 + i % 1500, "4");
        number(w, 8, row, 43831.0 + i % 1500 + i % 20, "4");
        char r[16];
        ref(r, 9, row);
        xmlTextWriterStartElement(w, BAD_CAST "c");
        xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST r);
        xmlTextWriterWriteAttribute(w, BAD_CAST "t", BAD_CAST "b");
        xmlTextWriterWriteElement(w, BAD_CAST "v", BAD_CAST (i % 3 == 0 ? "1" : "0"));
        xmlTextWriterEndElement(w);
        number(w, 10, row, (double)(i % 20) / 100, "5");
        if (notes[i % 5][0]) string(w, 11, row, notes[i % 5]);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    printf("rows: %ld\nwrite_s: %.6f\n", rows + 1, now() - t0);
    return 0;
}
