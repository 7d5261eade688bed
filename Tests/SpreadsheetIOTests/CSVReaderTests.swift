import Testing
@testable import SpreadsheetIO

@Suite struct CSVReaderTests {
    typealias S = CSVTestSupport

    // MARK: - Encodings, end to end

    @Test func readsPlainUTF8CommaFileIntoTheSharedModel() throws {
        let reader = try S.reader("utf8-comma-companies.csv")
        #expect(reader.detectedEncoding.encoding == .utf8)
        #expect(!reader.detectedEncoding.hasByteOrderMark)
        #expect(reader.detectedEncoding.confidence > 0.9 && reader.detectedEncoding.confidence < 1)
        #expect(reader.dialect == .comma)
        let rows = try reader.readAll()
        #expect(rows.count == 7)
        #expect(rows.map(\.index) == Array(1...7))
        #expect(rows.map(\.sourceLine) == Array(1...7))
        #expect(rows[0].cells.map(\.column) == [1, 2, 3, 4, 5, 6])
        #expect(rows[0].value(at: 1) == .string("company_name"))
        #expect(rows[2].value(at: 3) == .string("Bagsværd"))
        #expect(rows[4].value(at: 1) == .string("Софарма АД"))
        #expect(rows[4].value(at: 3) == .string("София"))
        #expect(rows[5].value(at: 3) == .string("Évry-Courcouronnes"))
        // Empty fields are present as `.empty`, and numbers stay text by default.
        #expect(rows[6].cells.count == 6)
        #expect(rows[6].value(at: 5) == .empty && rows[6].value(at: 6) == .empty)
        #expect(rows[1].value(at: 4) == .string("1420"))
        #expect(try reader.next() == nil)
    }

    @Test func readsUTF8WithBOMAndExcelStyleQuoting() throws {
        let reader = try S.reader("utf8-bom-quoted-survey.csv")
        #expect(reader.detectedEncoding == DetectedEncoding(encoding: .utf8, confidence: 1, hasByteOrderMark: true))
        #expect(reader.dialect == .comma)
        let rows = try reader.readAll()
        #expect(rows.count == 5)
        // The BOM is not part of the first header.
        #expect(rows[0].value(at: 1) == .string("Répondant"))
        #expect(rows[1].value(at: 2) == .string("Institut Pasteur, Paris"))
        #expect(rows[1].value(at: 3) == .string("Très bonne animation du réseau ; \"Club RH\" apprécié"))
        #expect(rows[2].value(at: 2) == .string("PME \"BioSerenity\""))
        #expect(rows[2].value(at: 3) == .string("Difficultés de recrutement :\n- techniciens de laboratoire\n- data scientists"))
        #expect(rows[2].value(at: 4) == .string("310"))
        // Record 3 spans lines 3-5, so record 4 starts on line 6.
        #expect(rows.map(\.sourceLine) == [1, 2, 3, 6, 7])
        // A quoted empty field is empty too.
        #expect(rows[3].value(at: 3) == .empty)
        #expect(rows[3].value(at: 5) == .empty)
        #expect(rows[4].value(at: 3) == .string("Budget 2024 : 1,2 M€"))
    }

    @Test func readsUTF16LittleEndianTabExport() throws {
        let reader = try S.reader("utf16le-bom-tab.csv")
        #expect(reader.detectedEncoding == DetectedEncoding(encoding: .utf16LittleEndian, confidence: 1, hasByteOrderMark: true))
        #expect(reader.dialect == .tab)
        let rows = try reader.readAll()
        #expect(rows.count == 7)
        #expect(rows[0].value(at: 1) == .string("Virksomhed"))
        #expect(rows[0].value(at: 5) == .string("Område"))
        #expect(rows[3].value(at: 2) == .string("København"))
        #expect(rows[5].value(at: 2) == .string("Humlebæk"))
        // A character outside the BMP (a surrogate pair in UTF-16).
        #expect(rows[6].value(at: 5) == .string("Gensekventering 🧬"))
        #expect(rows[6].value(at: 2) == .string("Århus"))
    }

    @Test func readsUTF16BigEndianSemicolonGerman() throws {
        let reader = try S.reader("utf16be-bom-semicolon-german.csv")
        #expect(reader.detectedEncoding.encoding == .utf16BigEndian)
        #expect(reader.detectedEncoding.hasByteOrderMark)
        #expect(reader.dialect == .semicolon)
        let rows = try reader.readAll()
        #expect(rows.count == 7)
        #expect(S.texts([rows[0]]) == [["Unternehmen", "Standort", "Beschäftigte", "Umsatz (Mio. €)", "Gründungsjahr", "Bemerkung"]])
        #expect(rows[5].value(at: 6) == .string("Übernahme geprüft"))
        #expect(rows[6].value(at: 1) == .string("Müller & Söhne Diagnostik GmbH"))
        #expect(rows[6].value(at: 6) == .string("Größenklasse: klein"))
    }

    @Test func readsWindows1252FrenchExport() throws {
        let reader = try S.reader("cp1252-semicolon-french.csv")
        #expect(reader.detectedEncoding.encoding == .windows1252)
        #expect(!reader.detectedEncoding.isOverridden)
        #expect(reader.detectedEncoding.confidence > 0.9)
        #expect(reader.dialect == .semicolon)
        let rows = try reader.readAll()
        #expect(rows.count == 7)
        #expect(rows[0].value(at: 3) == .string("Effectif salarié"))
        #expect(rows[0].value(at: 4) == .string("Chiffre d'affaires (k€)"))
        #expect(rows[1].value(at: 1) == .string("Société Générale de Biotechnologie"))
        #expect(rows[1].value(at: 4) == .string("38\u{A0}500"))
        #expect(rows[2].value(at: 4) == .string("secret stat."))
        #expect(rows[3].value(at: 4) == .string("NC"))
        #expect(rows[5].value(at: 2) == .string("Marcy-l’Étoile"))
        #expect(rows[6].value(at: 7) == .string("Créée en 2013 – levée de 6 M€"))
        #expect(rows.map(\.sourceLine) == Array(1...7))
    }

    @Test func readsWindows1252DanishPipeFile() throws {
        let reader = try S.reader("cp1252-pipe-danish.csv")
        #expect(reader.detectedEncoding.encoding == .windows1252)
        #expect(reader.dialect == .pipe)
        let rows = try reader.readAll()
        #expect(rows[0].value(at: 4) == .string("Omsætning (mio. kr.)"))
        #expect(rows[1].value(at: 6) == .string("2019–2023"))
        #expect(rows[3].value(at: 2) == .string("Hørsholm"))
        #expect(rows[6].value(at: 1) == .string("Ærø Biotek ApS"))
        #expect(rows[6].value(at: 5) == .string("Sjældne sygdomme"))
    }

    @Test func readsLatin1GermanAsItsWindows1252SupersetOrExplicitly() throws {
        // Without C1 bytes, ISO-8859-1 and windows-1252 decode identically: detection says
        // windows-1252 (documented), and naming ISO-8859-1 gives the same text.
        let detected = try S.reader("iso8859-1-comma-german.csv")
        #expect(detected.detectedEncoding.encoding == .windows1252)
        let explicit = try S.reader("iso8859-1-comma-german.csv", .init(encoding: .iso8859_1))
        #expect(explicit.detectedEncoding == DetectedEncoding(encoding: .iso8859_1, confidence: 1, isOverridden: true))
        let a = try detected.readAll(), b = try explicit.readAll()
        #expect(a == b)
        #expect(a[0].value(at: 3) == .string("Beschäftigte"))
        #expect(a[3].value(at: 2) == .string("Göttingen"))
        #expect(a[4].value(at: 2) == .string("Tübingen"))
        #expect(a[5].value(at: 1) == .string("Bäckerei-Hefe Großmann KG"))
        #expect(a[5].value(at: 2) == .string("Straßburg am Neckar"))
    }

    @Test func readsWindows1251Bulgarian() throws {
        let reader = try S.reader("cp1251-semicolon-bulgarian.csv")
        #expect(reader.detectedEncoding.encoding == .windows1251)
        #expect(reader.detectedEncoding.confidence > 0.9)
        #expect(reader.dialect == .semicolon)
        let rows = try reader.readAll()
        #expect(rows.count == 6)
        #expect(S.texts([rows[0]]) == [["Наименование", "Град", "Брой служители", "Инвестиции (хил. лв.)", "Сектор", "Бележка"]])
        #expect(rows[3].value(at: 4) == .string("поверително"))
        #expect(rows[3].value(at: 6) == .string("Статистическа тайна"))
        #expect(rows[5].value(at: 6) == .string("Стартъп, основан през 2019 г."))
    }

    @Test func readsISO88592CzechAndPolish() throws {
        let czech = try S.reader("iso8859-2-czech.csv")
        #expect(czech.detectedEncoding.encoding == .iso8859_2)
        #expect(czech.dialect == .semicolon)
        let c = try czech.readAll()
        #expect(S.texts([c[0]]) == [["Název společnosti", "Město", "Počet zaměstnanců", "Tržby (tis. Kč)", "Výše investic do výzkumu (tis. Kč)", "Obor", "Poznámka"]])
        #expect(c[1].value(at: 7) == .string("Společnost ještě nezveřejnila výroční zprávu"))
        #expect(c[3].value(at: 7) == .string("Statistické tajemství"))
        #expect(c[4].value(at: 2) == .string("Dolní Dobrouč"))
        #expect(c[5].value(at: 6) == .string("Přístroje"))
        #expect(c[5].value(at: 7) == .string("Růst tržeb o 12 %, nejvyšší v oboru"))

        let polish = try S.reader("iso8859-2-polish.csv")
        #expect(polish.detectedEncoding.encoding == .iso8859_2)
        let p = try polish.readAll()
        #expect(p[0].value(at: 2) == .string("Miejscowość"))
        #expect(p[0].value(at: 4) == .string("Przychody (tys. zł)"))
        #expect(p[3].value(at: 2) == .string("Łomianki"))
        #expect(p[4].value(at: 2) == .string("Konstantynów Łódzki"))
        #expect(p[5].value(at: 6) == .string("Źródło: sprawozdanie roczne"))
    }

    @Test func readsISO885915WithEuroAndOE() throws {
        let reader = try S.reader("iso8859-15-euro.csv")
        #expect(reader.detectedEncoding.encoding == .iso8859_15)
        let rows = try reader.readAll()
        #expect(rows[0].value(at: 4) == .string("Budget (k€)"))
        #expect(rows[1].value(at: 5) == .string("450 000 €"))
        #expect(rows[1].value(at: 6) == .string("Cœur et vaisseaux"))
        #expect(rows[2].value(at: 6) == .string("Œuvres de santé publique"))
        #expect(rows[3].value(at: 1) == .string("Lyonbiopôle"))
    }

    // MARK: - Line endings and tokenising

    @Test func mixedLineEndingsCountPhysicalLines() throws {
        let rows = try S.reader("mixed-line-endings.csv").readAll()
        #expect(S.texts(rows) == [
            ["cluster", "country", "members"],
            ["Medicen Paris Region", "FR", "450"],
            ["BioCat", "ES", "1100"],
            ["Lyonbiopôle\r\nAuvergne-Rhône-Alpes", "FR", "240"],
            ["Life Science Nord", "DE", "300"],
            ["BioPark Sofia", "BG", "40"],
        ])
        #expect(rows.map(\.sourceLine) == [1, 2, 3, 4, 6, 7])
        #expect(rows.map(\.index) == [1, 2, 3, 4, 5, 6])
    }

    @Test func carriageReturnOnlyFile() throws {
        let reader = try S.reader("cr-only-classic-mac.csv")
        #expect(reader.dialect == .semicolon)
        let rows = try reader.readAll()
        #expect(S.texts(rows) == [
            ["Pôle", "Région", "Adhérents"],
            ["Medicen", "Île-de-France", "450"],
            ["Eurobiomed", "Provence-Alpes-Côte d'Azur", "300"],
            ["Atlanpole Biothérapies", "Pays de la Loire", "180"],
        ])
        #expect(rows.map(\.sourceLine) == [1, 2, 3, 4])
    }

    @Test func blankLinesAreRecordsWithoutCells() throws {
        let reader = try CSVReader(bytes: Array("a;b\n\n1;2\r\n\r\n3;4".utf8))
        let rows = try reader.readAll()
        #expect(rows.map(\.index) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.sourceLine) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.cells.count) == [2, 0, 2, 0, 2])
        #expect(rows[1].isBlank && rows[1].value(at: 1) == .empty)
    }

    @Test func lenientQuotesBehaveLikePythonCSV() throws {
        // Text after a closing quote is kept; a quote inside an unquoted field is text;
        // a trailing delimiter gives an empty last field.
        let bytes = Array("\"ab\"c,d\"e,\"x\"\"\"\"y\",\n\"\",f,".utf8)
        let rows = try CSVReader(bytes: bytes, options: .init(dialect: .comma)).readAll()
        #expect(rows.count == 2)
        #expect(rows[0].cells.map(\.value) == [.string("abc"), .string("d\"e"), .string("x\"\"y"), .empty])
        #expect(rows[1].cells.map(\.value) == [.empty, .string("f"), .empty])
    }

    @Test func emptyInputHasNoRows() throws {
        let reader = try CSVReader(bytes: [])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(reader.detectedEncoding == DetectedEncoding(encoding: .utf8, confidence: 1))
        let bomOnly = try CSVReader(bytes: [0xEF, 0xBB, 0xBF])
        #expect(bomOnly.detectedEncoding.hasByteOrderMark)
        #expect(try bomOnly.next() == nil)
    }

    // MARK: - Errors

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        let reader = try S.reader("invalid-utf8.csv")
        #expect(reader.detectedEncoding.encoding == .utf8)
        let (rows, error) = S.readUntilError(reader)
        // The rows before the bad line are delivered first.
        #expect(S.texts(rows) == [["Pôle", "Ville", "Adhérents"], ["Medicen", "Paris", "450"], ["Lyonbiopôle", "Lyon", "240"]])
        let e = try #require(error)
        #expect(e.kind == .undecodableText)
        #expect(e.file == "invalid-utf8.csv")
        #expect(e.byteOffset == 64)
        #expect(e.line == 4)
        #expect(e.column == 2)
        #expect(e.reason.contains("0xE9"))
        #expect(e.description.hasPrefix("invalid-utf8.csv:4:2 (byte 64): undecodable-text:"))
        // Asking again repeats the error rather than skipping the bad bytes.
        #expect(throws: SpreadsheetError.self) { try reader.next() }
    }

    @Test func invalidUTF8AfterABOMCountsTheBOMInTheOffset() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Pôle;Ville\r\nMedicen;Par".utf8) + [0xFF] + Array("is\r\n".utf8)
        let reader = try CSVReader(bytes: bytes, displayName: "bom.csv")
        #expect(reader.detectedEncoding.hasByteOrderMark)
        let (rows, error) = S.readUntilError(reader)
        #expect(S.texts(rows) == [["Pôle", "Ville"]])
        #expect(error?.byteOffset == bytes.firstIndex(of: 0xFF))
        #expect(error?.line == 2)
        #expect(error?.column == 12)
        #expect(error?.reason.contains("0xFF never occurs in UTF-8") == true)
    }

    @Test func wideRecordsGrowTheFieldTable() throws {
        let header = (1...1_000).map { "indicateur_\($0)" }.joined(separator: ";")
        let values = (1...1_000).map { String($0 * 3) }.joined(separator: ";")
        let rows = try CSVReader(bytes: Array((header + "\n" + values + "\n").utf8), options: .init(numbers: .decimalComma)).readAll()
        #expect(rows.count == 2)
        #expect(rows[0].cells.count == 1_000 && rows[1].cells.count == 1_000)
        #expect(rows[0].value(at: 1_000) == .string("indicateur_1000"))
        #expect(rows[1].value(at: 777) == .number(2_331))
        #expect(rows[1].cells.last?.column == 1_000)
    }

    @Test func bytesUndefinedInWindows1252AreErrors() throws {
        for options in [CSVReader.Options(encoding: .windows1252), CSVReader.Options()] {
            let reader = try S.reader("cp1252-undefined-byte.csv", options)
            #expect(reader.detectedEncoding.encoding == .windows1252)
            let (rows, error) = S.readUntilError(reader)
            #expect(rows.count == 3)
            #expect(rows[2].value(at: 1) == .string("Théranexus"))
            let e = try #require(error)
            #expect(e.kind == .undecodableText)
            #expect(e.byteOffset == 70)
            #expect(e.line == 4)
            #expect(e.column == 8)
            #expect(e.reason.contains("0x81 is not defined in windows-1252"))
        }
    }

    @Test func everyUndefinedWindows1252ByteIsRejected() throws {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            let reader = try CSVReader(bytes: Array("a;b\nx;y".utf8) + [byte] + Array("z\n".utf8),
                                       options: .init(encoding: .windows1252))
            let (rows, error) = S.readUntilError(reader)
            #expect(rows.count == 1)
            #expect(error?.byteOffset == 7)
            #expect(error?.line == 2)
        }
        // The defined ones in 0x80…0x9F decode (€, ’, –).
        let ok = try CSVReader(bytes: [0x80, 0x3B, 0x92, 0x3B, 0x96], options: .init(encoding: .windows1252)).readAll()
        #expect(S.texts(ok) == [["€", "’", "–"]])
    }

    @Test func utf16ErrorsAreReported() throws {
        let odd = S.readUntilError(try S.reader("utf16le-odd-length.csv"))
        #expect(S.texts(odd.rows) == [["Pôle", "Ville"], ["Medicen", "Paris"]])
        let e1 = try #require(odd.error)
        #expect(e1.kind == .undecodableText)
        #expect(e1.byteOffset == 56)
        #expect(e1.line == 3)
        #expect(e1.reason.contains("odd number of bytes"))

        let surrogate = S.readUntilError(try S.reader("utf16be-unpaired-surrogate.csv"))
        #expect(surrogate.rows.count == 2)
        let e2 = try #require(surrogate.error)
        #expect(e2.kind == .undecodableText)
        #expect(e2.byteOffset == 62)
        #expect(e2.line == 3)
        #expect(e2.column == 4)
        #expect(e2.reason.contains("U+D83D"))

        // A lone low surrogate.
        let low = S.readUntilError(try CSVReader(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xDC, 0x62, 0x00]))
        #expect(low.error?.byteOffset == 4)
        #expect(low.error?.reason.contains("unpaired low surrogate") == true)
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() throws {
        let reader = try S.reader("unterminated-quote.csv")
        let (rows, error) = S.readUntilError(reader)
        #expect(rows.count == 3)
        #expect(rows[1].value(at: 2) == .string("Très actif, \"moteur\""))
        let e = try #require(error)
        #expect(e.kind == .malformed)
        #expect(e.line == 4)
        #expect(e.column == 12)
        #expect(e.reason.contains("line 4"))
    }

    @Test func fieldSizeLimitStopsAStrayQuote() throws {
        // A quote never closed in a file longer than the limit: stopped as soon as the field
        // passes the limit, naming where it started.
        var text = "Structure,Commentaire\nMedicen,\"Fusion en cours\nBioCat,RAS\n"
        for k in 0..<6_000 { text += "Pôle \(k),RAS\n" }  // more than the 64 KiB sniffed up front
        let reader = try CSVReader(bytes: Array(text.utf8), displayName: "stray.csv",
                                   options: .init(maxFieldBytes: 1_000, chunkSize: 256))
        let (rows, error) = S.readUntilError(reader)
        #expect(rows.count == 1)
        let e = try #require(error)
        #expect(e.kind == .tooLarge)
        #expect(e.line == 2)
        #expect(e.column == 9)
        #expect(e.reason.contains("field 2 of record 2"))
        #expect(e.reason.contains("1000 bytes"))
        #expect(e.reason.contains("quote"))

        // Exactly at the limit is fine, one byte over is not (unquoted fields too).
        let limit = CSVReader.Options(dialect: .comma, maxFieldBytes: 10)
        #expect(try CSVReader(bytes: Array("abcdefghij,x\n".utf8), options: limit).readAll().count == 1)
        let over = S.readUntilError(try CSVReader(bytes: Array("x,abcdefghijk\n".utf8), options: limit))
        #expect(over.error?.kind == .tooLarge)
        #expect(over.error?.column == 3)
        #expect(CSVReader.Options().maxFieldBytes == 32 << 20)
    }

    // MARK: - Explicit dialect and encoding

    @Test func explicitDialectOverridesSniffingAndQuoting() throws {
        // With the default quoting, the quote opening "Kit ELISA… is never closed.
        let quoted = S.readUntilError(try S.reader("semicolon-literal-quotes.csv"))
        #expect(quoted.error?.kind == .malformed)
        #expect(quoted.error?.line == 4)

        let noQuoting = CSVDialect(delimiter: UInt8(ascii: ";"), quoting: .none)
        let reader = try S.reader("semicolon-literal-quotes.csv", .init(dialect: noQuoting))
        #expect(reader.dialect == noQuoting)
        #expect(reader.dialectConfidence == 1)
        let rows = try reader.readAll()
        #expect(S.texts(rows) == [
            ["Référence", "Désignation", "Quantité"],
            ["A-12", "\"Ultra\" pipette 10 µl", "40"],
            ["A-13", "Tube 15 ml \"Falcon", "200"],
            ["A-14", "\"Kit ELISA humain", "12"],
            ["A-15", "Cônes 1000 µl", "960"],
        ])

        // A delimiter given explicitly wins over the sniffed one.
        let comma = try S.reader("cp1252-semicolon-french.csv", .init(dialect: .comma))
        #expect(comma.dialect == .comma)
        let header = try #require(try comma.next())
        #expect(header.cells.count == 1)
        #expect(header.value(at: 1).text.hasPrefix("Raison sociale;Commune;"))

        // A different quote character.
        let single = CSVDialect(delimiter: UInt8(ascii: ","), quoting: .character(UInt8(ascii: "'")))
        let rows2 = try CSVReader(bytes: Array("'a,b','it''s'\n".utf8), options: .init(dialect: single)).readAll()
        #expect(S.texts(rows2) == [["a,b", "it's"]])
    }

    @Test func explicitEncodingOverridesDetection() throws {
        // Bulgarian windows-1251 read as windows-1252 on purpose: the override is obeyed.
        let reader = try S.reader("cp1251-semicolon-bulgarian.csv", .init(encoding: .windows1252))
        #expect(reader.detectedEncoding == DetectedEncoding(encoding: .windows1252, confidence: 1, isOverridden: true))
        let header = try #require(try reader.next())
        #expect(header.value(at: 1) == .string("Íàèìåíîâàíèå"))

        // An explicit UTF-8 still skips a UTF-8 BOM.
        let bom = try S.reader("utf8-bom-quoted-survey.csv", .init(encoding: .utf8))
        #expect(bom.detectedEncoding.hasByteOrderMark && bom.detectedEncoding.isOverridden)
        #expect(try bom.next()?.value(at: 1) == .string("Répondant"))

        // An explicit UTF-8 on a windows-1252 file is an error, not mojibake.
        let wrong = S.readUntilError(try S.reader("cp1252-semicolon-french.csv", .init(encoding: .utf8)))
        #expect(wrong.rows.isEmpty)
        #expect(wrong.error?.kind == .undecodableText)
        #expect(wrong.error?.line == 1)
        #expect(wrong.error?.byteOffset == 38)  // the "é" of "Effectif salarié"
        #expect(wrong.error?.column == 39)
    }

    @Test func guessedISO8859RejectsC1ControlsButExplicitAccepts() throws {
        // Evidence for ISO-8859-2 in the sample (ś, ć), then a 0x85 byte: no silent control.
        let bytes = Array("Nazwa;Miejscowo".utf8) + [0xB6, 0xE6] + Array("\nSelvita;Krak".utf8) + [0xF3] + Array("w\n".utf8)
            + Array("Bioton;Warszawa".utf8) + [0x85] + Array("\n".utf8)
        // Detection sees only the first two lines; the bad byte comes later.
        let sampleSize = bytes.firstIndex(of: UInt8(ascii: "B"))!
        let guessed = try CSVReader(bytes: bytes, options: .init(sampleSize: sampleSize))
        #expect(guessed.detectedEncoding.encoding == .iso8859_2)
        let (rows, error) = S.readUntilError(guessed)
        #expect(rows.count == 2)
        #expect(rows[0].value(at: 2) == .string("Miejscowość"))
        #expect(error?.reason.contains("C1 control") == true)
        #expect(error?.byteOffset == bytes.firstIndex(of: 0x85))
        #expect(error?.line == 3)

        let explicit = try CSVReader(bytes: bytes, options: .init(encoding: .iso8859_2)).readAll()
        #expect(explicit[2].value(at: 2) == .string("Warszawa\u{85}"))
    }

    // MARK: - Numbers

    @Test func numberInferenceWithDecimalComma() throws {
        let rows = try S.reader("decimal-comma-numbers.csv", .init(numbers: .decimalComma)).readAll()
        #expect(rows[0].value(at: 3) == .string("Valeur"))
        #expect(rows[1].cells.map(\.value) == [.string("Effectif"), .string("01000"), .number(1250), .number(-3.25), .number(0.5), .number(1500)])
        #expect(rows[2].cells.map(\.value) == [.string("Chiffre d'affaires"), .number(69007), .string("1 250,5"), .number(12), .string("12,5 %"), .string("NC")])
        #expect(rows[3].cells.map(\.value) == [.string("Investissement"), .number(75013), .string("secret stat."), .empty, .number(0.75), .number(0.025)])

        // Off by default; with a decimal point, comma numbers stay text.
        let plain = try S.reader("decimal-comma-numbers.csv").readAll()
        #expect(plain[1].value(at: 3) == .string("1250"))
        let point = try S.reader("decimal-comma-numbers.csv", .init(numbers: .decimalPoint)).readAll()
        #expect(point[1].value(at: 3) == .number(1250))
        #expect(point[1].value(at: 4) == .string("-3,25"))

        // Quoting does not matter; a delimiter-free decimal comma in a semicolon file.
        let quoted = try CSVReader(bytes: Array("\"12,5\";\"NC\";\"\"\n".utf8), options: .init(numbers: .decimalComma)).readAll()
        #expect(quoted[0].cells.map(\.value) == [.number(12.5), .string("NC"), .empty])
    }

    @Test func plainNumberGrammar() {
        func parse(_ s: String, _ separator: Character = ".") -> Double? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { PlainNumberParser.parse($0.baseAddress!, count: bytes.count, separator: separator.asciiValue!) }
        }
        #expect(parse("0") == 0)
        #expect(parse("-0")?.sign == .minus)
        #expect(parse("0.1") == 0.1)
        #expect(parse("3.14159") == 3.14159)
        #expect(parse("1e5") == 100_000)
        #expect(parse("1E-3") == 0.001)
        #expect(parse("+.5") == 0.5)
        #expect(parse("5.") == 5)
        #expect(parse("123456789012345678901234") == 123456789012345678901234.0)
        #expect(parse("0.30000000000000004") == 0.30000000000000004)
        #expect(parse("2,5", ",") == 2.5)
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,000", "1 000", " 12", "12 ", "12%", "0x1F", "NaN", "inf", "007", "1e400", "--1"] {
            #expect(parse(text) == nil, "\(text) should stay text")
        }
    }

    // MARK: - Streaming

    /// Every fixture reads the same, rows and errors, whatever the chunk size: multi-byte
    /// sequences, CR LF pairs, doubled quotes and UTF-16 units cut across chunks.
    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundariesDoNotChangeTheResult(chunkSize: Int) throws {
        let names = [
            "utf8-comma-companies.csv", "utf8-bom-quoted-survey.csv", "utf16le-bom-tab.csv",
            "utf16be-bom-semicolon-german.csv", "cp1252-semicolon-french.csv", "cp1252-pipe-danish.csv",
            "iso8859-1-comma-german.csv", "cp1251-semicolon-bulgarian.csv", "iso8859-2-czech.csv",
            "iso8859-2-polish.csv", "iso8859-15-euro.csv", "mixed-line-endings.csv", "cr-only-classic-mac.csv",
            "title-rows-semicolon.csv", "decimal-comma-numbers.csv", "invalid-utf8.csv",
            "cp1252-undefined-byte.csv", "unterminated-quote.csv", "utf16le-odd-length.csv",
            "utf16be-unpaired-surrogate.csv",
        ]
        for name in names {
            let whole = S.readUntilError(try S.reader(name, .init(numbers: .decimalComma)))
            let reference = try S.reader(name)
            // The dialect and encoding are given so that a tiny sample cannot change them.
            let options = CSVReader.Options(encoding: reference.detectedEncoding.encoding, dialect: reference.dialect,
                                            numbers: .decimalComma, chunkSize: chunkSize, sampleSize: chunkSize)
            let chunked = S.readUntilError(try S.reader(name, options))
            #expect(chunked.rows == whole.rows, "\(name)")
            #expect(chunked.error?.kind == whole.error?.kind, "\(name)")
            #expect(chunked.error?.line == whole.error?.line, "\(name)")
            #expect(chunked.error?.column == whole.error?.column, "\(name)")
            #expect(chunked.error?.byteOffset == whole.error?.byteOffset, "\(name)")
        }
    }

    @Test func largeFileStreamsAndReportsLateBadBytesWithAbsoluteOffset() throws {
        // ~6 MB, read in 64 KiB chunks; a windows-1252 byte near the end of a UTF-8 file.
        var bytes: [UInt8] = Array("Entreprise;Ville;Effectif;Investissement (k€)\n".utf8)
        let rowCount = 100_000
        for k in 1...rowCount {
            bytes += Array("Société n°\(k);Évry-Courcouronnes;\(k % 500);\(k / 7),\(k % 10)\n".utf8)
        }
        let badOffset = bytes.count + 7
        bytes += Array("Ynsect ".utf8) + [0xC9] + Array("vry;Paris;240;1,5\n".utf8)
        let path = try S.temporaryFile(bytes)
        defer { S.remove(path) }

        let reader = try CSVReader(path: path, displayName: "big.csv", options: .init(numbers: .decimalComma, chunkSize: 64 << 10))
        #expect(reader.detectedEncoding.encoding == .utf8)
        #expect(reader.dialect == .semicolon)
        let (rows, error) = S.readUntilError(reader)
        #expect(rows.count == rowCount + 1)
        #expect(rows.last?.value(at: 1) == .string("Société n°\(rowCount)"))
        #expect(rows.last?.value(at: 4) == .number(Double(rowCount / 7) + 0.1 * Double(rowCount % 10)))
        #expect(rows.last?.sourceLine == rowCount + 1)
        let e = try #require(error)
        #expect(e.file == "big.csv")
        #expect(e.byteOffset == badOffset)
        #expect(e.line == rowCount + 2)
        #expect(e.column == 8)
    }

    @Test func unreadableFileIsAnError() {
        #expect {
            _ = try CSVReader(path: "/nonexistent/innaxe/missing.csv", displayName: "missing.csv")
        } throws: { error in
            guard let e = error as? SpreadsheetError else { return false }
            return e.kind == .unreadableFile && e.file == "missing.csv"
        }
    }
}

@Suite struct CSVUnicodeNormalizationTests {
    @Test func fieldsAreNormalisedToNFC() throws {
        let decomposed = "Re\u{0301}gion;Ile\n\u{0C9}vry;Kо\u{0308}ln\n"
        let reader = try CSVReader(bytes: Array(decomposed.utf8))
        let header = try #require(try reader.next())
        #expect(header.value(at: 1) == .string("Région"))
        if case .string(let s) = header.value(at: 1) { #expect(s.unicodeScalars.count == 6) }
        let row = try #require(try reader.next())
        // Cyrillic о + combining diaeresis composes to ӧ (U+04E7).
        #expect(row.value(at: 2) == .string("K\u{04E7}ln"))
        if case .string(let s) = row.value(at: 2) { #expect(s.unicodeScalars.count == 4) }
    }
}
