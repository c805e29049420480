// Messages for training, model files and the model choice.

import { defineCatalog } from '../catalog-type.js';

export const modelMessages = defineCatalog({
  en: {
    MODEL_NO_LATE_INVOICES:
      'Cannot train: no invoice between {from} and {to} was paid more than {lateAfter} days late ({onTime} on time), so a model cannot learn lateness. Use the bundled model, a longer history, or a smaller --late-after.',
    MODEL_NO_ON_TIME_INVOICES:
      'Cannot train: every invoice between {from} and {to} was paid more than {lateAfter} days late ({late} late), so a model cannot learn what on time looks like. Use the bundled model or a longer history.',
    MODEL_TOO_FEW_INVOICES:
      'Cannot train: between {from} and {to} there are {late} late and {onTime} on-time invoices with a known outcome; at least {needed} of each are needed. Use the bundled model or a longer history.',
    MODEL_AS_OF_BEFORE_FIRST_INVOICE:
      'Cannot train: the as-of date {asOf} is before the first invoice, issued on {first}, so there is no history to learn from. Choose a later --as-of, well after {first}.',
    MODEL_NO_KNOWN_OUTCOMES:
      'Cannot train: {count} invoices were issued by {asOf}, but none of them has a known outcome yet. An outcome is known once an invoice is paid or more than {lateAfter} days past its due date. Choose a later --as-of.',
    MODEL_NO_KNOWN_OUTCOMES_ONE:
      'Cannot train: 1 invoice was issued by {asOf}, and its outcome is not known yet. An outcome is known once an invoice is paid or more than {lateAfter} days past its due date. Choose a later --as-of.',
    MODEL_NO_INVOICES: 'Cannot train: the input has no invoices. Check the file and its column mapping with "riskpay inspect".',
    MODEL_EVALUATE_NO_TEST_INVOICES:
      'Cannot evaluate: no invoice with a known outcome was issued on or after the cutoff {cutoff} (the latest date in the input is {last}). Choose an earlier --cutoff.',
    MODEL_EVALUATE_CUTOFF_BEFORE_FIRST_INVOICE:
      'Cannot evaluate: the cutoff {cutoff} is on or before the first invoice, issued on {first}, so there is no history before it to train on. Choose a later --cutoff, well after {first}.',
    MODEL_EVALUATE_NO_KNOWN_OUTCOMES:
      'Cannot evaluate: {count} invoices were issued before the cutoff {cutoff}, but none of them has a known outcome by then, so there is nothing to train on. An outcome is known once an invoice is paid or more than {lateAfter} days past its due date. Choose a later --cutoff.',
    MODEL_EVALUATE_NO_KNOWN_OUTCOMES_ONE:
      'Cannot evaluate: 1 invoice was issued before the cutoff {cutoff}, and its outcome was not known by then, so there is nothing to train on. An outcome is known once an invoice is paid or more than {lateAfter} days past its due date. Choose a later --cutoff.',
    MODEL_EVALUATE_NO_LATE_INVOICES:
      'Cannot evaluate: no invoice between {from} and {to}, before the cutoff {cutoff}, was paid more than {lateAfter} days late ({onTime} on time), so there is no lateness to train on. Choose a later --cutoff or a smaller --late-after.',
    MODEL_EVALUATE_NO_ON_TIME_INVOICES:
      'Cannot evaluate: every invoice between {from} and {to}, before the cutoff {cutoff}, was paid more than {lateAfter} days late ({late} late), so there is no on-time payment to train on. Choose a later --cutoff or a larger --late-after.',
    MODEL_EVALUATE_TOO_FEW_INVOICES:
      'Cannot evaluate: before the cutoff {cutoff} there are {late} late and {onTime} on-time invoices with a known outcome (from {from} to {to}); at least {needed} of each are needed to train. Choose a later --cutoff.',
    MODEL_ROWS_SUBSAMPLED: 'Training used {rows} rows chosen at random (with the seed) out of {from}.',
    MODEL_EXTRA_COLUMN_LEAK:
      'The extra column {column} alone ranks late against on-time invoices with AUC {auc} on {invoices} training invoices, so it probably records the outcome (a leak), such as days late or the payment date. The model\'s figures will look too good, and open invoices do not have that value yet. Leave {column} out of {option}.',
    MODEL_HOLDOUT_ONE_CLASS:
      'The holdout from {from} ({rows} rows, {late} late) lacks late or on-time invoices, so the model is not calibrated and has no holdout figures.',
    MODEL_FEATURE_UNKNOWN: 'The model uses the feature {feature}, which this riskpay does not compute. Train a new model.',
    MODEL_ROW_WIDTH: 'A feature row has {actual} values, but the model expects {expected}. This is a bug; please report it.',
    MODEL_LATE_AFTER_MISMATCH:
      'The model was trained for lateness after {model} days and cannot score for {requested} days. Use --late-after {model} or train a new model.',
    MODEL_NOT_A_MODEL: '{file} is not a riskpay model file (expected format "{expected}"). Pass a file written by "riskpay train".',
    MODEL_VERSION_UNSUPPORTED:
      '{file} is a model file of version {found}, but this riskpay reads version {supported} at most. Update riskpay or train the model again.',
    MODEL_INVALID: '{file} is not a valid model file: the entry {path} is missing or wrong, so the file is damaged or from another program. Train the model again. (Technical detail: {problem}.)',
    MODEL_FILE_NOT_FOUND: 'Model file {file} was not found. Check the path given with --model.',
    MODEL_FILE_UNREADABLE: 'Model file {file} could not be read ({reason}). Check that the path names a file you may read.',
    MODEL_FILE_TOO_LARGE:
      'Model file {file} is {size} bytes, more than the limit of {limit}. A riskpay model is a few MB; check that --model names the model file written by "riskpay train".',
    MODEL_FILE_NOT_WRITTEN: 'Could not write the model to {file} ({reason}). Check that the folder exists and is writable; no partial file was left.',
    MODEL_BUNDLED_MISSING: 'The bundled model {file} is missing from the installation. Reinstall riskpay or pass --model.',
    MODEL_CHOICE_FILE: 'Model from {path} (late means more than {lateAfter} days after the due date).',
    MODEL_CHOICE_TRAINED:
      'Model trained on your own history: on invoices from {from} ({rows} rows) it reached AUC {auc}, above the bundled model\'s {bundledAuc}.',
    MODEL_CHOICE_TRAINED_NO_BUNDLED: 'Model trained on your own history (holdout AUC {auc}); the bundled model is not available.',
    MODEL_CHOICE_BUNDLED_BETTER:
      'Bundled model: on your invoices from {from} ({rows} rows) it reached AUC {bundledAuc}, as good as or better than a model trained on your history ({auc}).',
    MODEL_CHOICE_TRAINED_SAMPLED:
      'Model trained on your own history, on {sampled} rows drawn at random (with the seed) out of {of} to keep scoring quick: on invoices from {from} ({rows} rows) it reached AUC {auc}, above the bundled model\'s {bundledAuc}.',
    MODEL_CHOICE_TRAINED_NO_BUNDLED_SAMPLED:
      'Model trained on your own history, on {sampled} rows drawn at random (with the seed) out of {of} to keep scoring quick (holdout AUC {auc}); the bundled model is not available.',
    MODEL_CHOICE_BUNDLED_BETTER_SAMPLED:
      'Bundled model: on your invoices from {from} ({rows} rows) it reached AUC {bundledAuc}, as good as or better than a model trained on {sampled} rows of your history drawn at random out of {of} ({auc}). Run "riskpay train" to train on more rows and pass the model with --model.',
    MODEL_CHOICE_BUNDLED_CANNOT_TRAIN:
      'Bundled model: your history cannot train a model ({late} late and {onTime} on-time invoices with a known outcome; at least {needed} of each are needed).',
    MODEL_CHOICE_BUNDLED_NO_HISTORY: 'Bundled model: no invoice was issued by {asOf}, so there is no history to train a model on.',
    MODEL_CHOICE_BUNDLED_NO_OUTCOMES:
      'Bundled model: none of your {count} invoices issued by {asOf} has a known outcome yet (paid, or more than {lateAfter} days past its due date), so a model cannot be trained on your history.',
    MODEL_CHOICE_BUNDLED_NO_OUTCOMES_ONE:
      'Bundled model: your only invoice issued by {asOf} has no known outcome yet (paid, or more than {lateAfter} days past its due date), so a model cannot be trained on your history.',
    MODEL_CHOICE_BUNDLED_NO_HOLDOUT:
      'Bundled model: your invoices from {from} lack late or on-time outcomes, so a model trained on your history cannot be checked.',
  },
  sv: {
    MODEL_NO_LATE_INVOICES:
      'Kan inte träna: ingen faktura mellan {from} och {to} betalades mer än {lateAfter} dagar för sent ({onTime} i tid), så en modell kan inte lära sig vad sen betalning är. Använd den inbyggda modellen, en längre historik eller ett lägre --late-after.',
    MODEL_NO_ON_TIME_INVOICES:
      'Kan inte träna: alla fakturor mellan {from} och {to} betalades mer än {lateAfter} dagar för sent (sena: {late}), så en modell kan inte lära sig hur betalning i tid ser ut. Använd den inbyggda modellen eller en längre historik.',
    MODEL_TOO_FEW_INVOICES:
      'Kan inte träna: mellan {from} och {to} finns {late} sena och {onTime} betalda i tid med känt utfall; minst {needed} av varje behövs. Använd den inbyggda modellen eller en längre historik.',
    MODEL_AS_OF_BEFORE_FIRST_INVOICE:
      'Kan inte träna: datumet {asOf} ligger före den första fakturan (fakturadatum {first}), så det finns ingen historik att lära av. Välj ett senare --as-of, en bra bit efter {first}.',
    MODEL_NO_KNOWN_OUTCOMES:
      'Kan inte träna: {count} fakturor var utfärdade till och med {asOf}, men ingen av dem har något känt utfall än. Utfallet är känt när en faktura är betald eller mer än {lateAfter} dagar efter förfallodagen. Välj ett senare --as-of.',
    MODEL_NO_KNOWN_OUTCOMES_ONE:
      'Kan inte träna: 1 faktura var utfärdad till och med {asOf}, och dess utfall är inte känt än. Utfallet är känt när en faktura är betald eller mer än {lateAfter} dagar efter förfallodagen. Välj ett senare --as-of.',
    MODEL_NO_INVOICES: 'Kan inte träna: indata innehåller inga fakturor. Kontrollera filen och dess kolumner med "riskpay inspect".',
    MODEL_EVALUATE_NO_TEST_INVOICES:
      'Kan inte utvärdera: ingen faktura med känt utfall har fakturadatum på eller efter brytdagen {cutoff} (senaste datum i indata är {last}). Välj ett tidigare --cutoff.',
    MODEL_EVALUATE_CUTOFF_BEFORE_FIRST_INVOICE:
      'Kan inte utvärdera: brytdagen {cutoff} infaller på eller före den första fakturan (fakturadatum {first}), så det finns ingen tidigare historik att träna på. Välj ett senare --cutoff, en bra bit efter {first}.',
    MODEL_EVALUATE_NO_KNOWN_OUTCOMES:
      'Kan inte utvärdera: {count} fakturor utfärdades före brytdagen {cutoff}, men ingen av dem hade något känt utfall då, så det finns inget att träna på. Utfallet är känt när en faktura är betald eller mer än {lateAfter} dagar efter förfallodagen. Välj ett senare --cutoff.',
    MODEL_EVALUATE_NO_KNOWN_OUTCOMES_ONE:
      'Kan inte utvärdera: 1 faktura utfärdades före brytdagen {cutoff}, och dess utfall var inte känt då, så det finns inget att träna på. Utfallet är känt när en faktura är betald eller mer än {lateAfter} dagar efter förfallodagen. Välj ett senare --cutoff.',
    MODEL_EVALUATE_NO_LATE_INVOICES:
      'Kan inte utvärdera: ingen faktura mellan {from} och {to}, före brytdagen {cutoff}, betalades mer än {lateAfter} dagar för sent (i tid: {onTime}), så det finns ingen sen betalning att träna på. Välj ett senare --cutoff eller ett lägre --late-after.',
    MODEL_EVALUATE_NO_ON_TIME_INVOICES:
      'Kan inte utvärdera: alla fakturor mellan {from} och {to}, före brytdagen {cutoff}, betalades mer än {lateAfter} dagar för sent (sena: {late}), så det finns ingen betalning i tid att träna på. Välj ett senare --cutoff eller ett högre --late-after.',
    MODEL_EVALUATE_TOO_FEW_INVOICES:
      'Kan inte utvärdera: före brytdagen {cutoff} finns {late} sena och {onTime} betalda i tid med känt utfall (från {from} till {to}); minst {needed} av varje behövs för att träna. Välj ett senare --cutoff.',
    MODEL_ROWS_SUBSAMPLED: 'Träningen använde {rows} slumpvis valda rader (med fröet) av {from}.',
    MODEL_EXTRA_COLUMN_LEAK:
      'Den extra kolumnen {column} ensam rangordnar sena mot i tid betalda fakturor med AUC {auc} på {invoices} träningsfakturor, så den anger troligen själva utfallet (ett läckage), till exempel dagar för sent eller betaldatum. Modellens siffror kommer att se för bra ut, och obetalda fakturor har inte det värdet än. Utelämna {column} från {option}.',
    MODEL_HOLDOUT_ONE_CLASS:
      'Kontrollurvalet från {from} ({rows} rader, sena: {late}) saknar sena fakturor eller fakturor betalda i tid, så modellen är inte kalibrerad och har inga siffror från kontrollurvalet.',
    MODEL_FEATURE_UNKNOWN: 'Modellen använder variabeln {feature}, som den här versionen av riskpay inte beräknar. Träna en ny modell.',
    MODEL_ROW_WIDTH: 'En rad med variabler har {actual} värden, men modellen väntar sig {expected}. Detta är ett fel; rapportera det gärna.',
    MODEL_LATE_AFTER_MISMATCH:
      'Modellen tränades för sen betalning efter {model} dagar och kan inte bedöma {requested} dagar. Använd --late-after {model} eller träna en ny modell.',
    MODEL_NOT_A_MODEL: '{file} är ingen modellfil för riskpay (förväntat format "{expected}"). Ange en fil som skrivits av "riskpay train".',
    MODEL_VERSION_UNSUPPORTED:
      '{file} är en modellfil av version {found}, men den här versionen av riskpay läser högst version {supported}. Uppdatera riskpay eller träna modellen på nytt.',
    MODEL_INVALID: '{file} är ingen giltig modellfil: posten {path} saknas eller är fel, så filen är skadad eller kommer från ett annat program. Träna modellen på nytt. (Teknisk detalj på engelska: {problem}.)',
    MODEL_FILE_NOT_FOUND: 'Modellfilen {file} hittades inte. Kontrollera sökvägen till --model.',
    MODEL_FILE_UNREADABLE: 'Modellfilen {file} kunde inte läsas ({reason}). Kontrollera att sökvägen pekar på en fil som du har behörighet att läsa.',
    MODEL_FILE_TOO_LARGE:
      'Modellfilen {file} är {size} byte, mer än gränsen {limit}. En riskpay-modell är några MB; kontrollera att --model pekar på modellfilen som "riskpay train" skrev.',
    MODEL_FILE_NOT_WRITTEN: 'Kunde inte skriva modellen till {file} ({reason}). Kontrollera att mappen finns och är skrivbar; ingen halvskriven fil finns kvar.',
    MODEL_BUNDLED_MISSING: 'Den inbyggda modellen {file} saknas i installationen. Installera om riskpay eller ange --model.',
    MODEL_CHOICE_FILE: 'Modell från {path} (sen betalning betyder mer än {lateAfter} dagar efter förfallodagen).',
    MODEL_CHOICE_TRAINED:
      'Modell tränad på din egen historik: på fakturor från {from} ({rows} rader) nådde den AUC {auc}, bättre än den inbyggda modellens {bundledAuc}.',
    MODEL_CHOICE_TRAINED_NO_BUNDLED: 'Modell tränad på din egen historik (AUC {auc} på kontrollurvalet); den inbyggda modellen är inte tillgänglig.',
    MODEL_CHOICE_BUNDLED_BETTER:
      'Inbyggd modell: på dina fakturor från {from} ({rows} rader) nådde den AUC {bundledAuc}, minst lika bra som en modell tränad på din historik ({auc}).',
    MODEL_CHOICE_TRAINED_SAMPLED:
      'Modell tränad på din egen historik, på {sampled} slumpvis valda rader (med fröet) av {of} för att bedömningen ska gå snabbt: på fakturor från {from} ({rows} rader) nådde den AUC {auc}, bättre än den inbyggda modellens {bundledAuc}.',
    MODEL_CHOICE_TRAINED_NO_BUNDLED_SAMPLED:
      'Modell tränad på din egen historik, på {sampled} slumpvis valda rader (med fröet) av {of} för att bedömningen ska gå snabbt (AUC {auc} på kontrollurvalet); den inbyggda modellen är inte tillgänglig.',
    MODEL_CHOICE_BUNDLED_BETTER_SAMPLED:
      'Inbyggd modell: på dina fakturor från {from} ({rows} rader) nådde den AUC {bundledAuc}, minst lika bra som en modell tränad på {sampled} slumpvis valda rader av {of} ur din historik ({auc}). Kör "riskpay train" för att träna på fler rader och ange modellen med --model.',
    MODEL_CHOICE_BUNDLED_CANNOT_TRAIN:
      'Inbyggd modell: din historik räcker inte för att träna en modell ({late} sena och {onTime} betalda i tid med känt utfall; minst {needed} av varje behövs).',
    MODEL_CHOICE_BUNDLED_NO_HISTORY: 'Inbyggd modell: ingen faktura var utfärdad till och med {asOf}, så det finns ingen historik att träna en modell på.',
    MODEL_CHOICE_BUNDLED_NO_OUTCOMES:
      'Inbyggd modell: ingen av dina {count} fakturor utfärdade till och med {asOf} har något känt utfall än (betald, eller mer än {lateAfter} dagar efter förfallodagen), så en modell kan inte tränas på din historik.',
    MODEL_CHOICE_BUNDLED_NO_OUTCOMES_ONE:
      'Inbyggd modell: din enda faktura utfärdad till och med {asOf} har inget känt utfall än (betald, eller mer än {lateAfter} dagar efter förfallodagen), så en modell kan inte tränas på din historik.',
    MODEL_CHOICE_BUNDLED_NO_HOLDOUT:
      'Inbyggd modell: dina fakturor från {from} saknar sena fakturor eller fakturor betalda i tid, så en modell tränad på din historik kan inte kontrolleras.',
  },
});
