<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddReviewDialog</name>
    <message>
        <source>Add review</source>
        <translation>Ajouter un avis</translation>
    </message>
    <message>
        <source>Part of the name, or the member id</source>
        <translation>Une partie du nom, ou le numéro de membre</translation>
    </message>
    <message>
        <source>Find the client:</source>
        <translation>Trouver le client :</translation>
    </message>
    <message>
        <source>Matches:</source>
        <translation>Résultats :</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Review of:</source>
        <translation>Avis sur :</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Séance :</translation>
    </message>
    <message>
        <source>Stars:</source>
        <translation>Étoiles :</translation>
    </message>
    <message>
        <source>Aspects:</source>
        <translation>Aspects :</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire :</translation>
    </message>
    <message>
        <source>No client chosen yet.</source>
        <translation>Aucun client choisi pour l’instant.</translation>
    </message>
    <message>
        <source>A class (one session)</source>
        <translation>Un cours (une séance)</translation>
    </message>
    <message>
        <source>The studio as a whole</source>
        <translation>L’entreprise dans son ensemble</translation>
    </message>
    <message>
        <source>What the client said (optional)</source>
        <translation>Ce que le client a dit (facultatif)</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>Enregistrer l’avis</translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation>%1 (membre %2)</translation>
    </message>
    <message>
        <source>No session booked for this client</source>
        <translation>Aucune séance réservée pour ce client</translation>
    </message>
    <message>
        <source>%1 %2: %3 with %4</source>
        <translation>%1 %2 : %3 avec %4</translation>
    </message>
    <message>
        <source>%1 (absent)</source>
        <translation>%1 (absent)</translation>
    </message>
    <message>
        <source>Excels: %1</source>
        <translation>Point fort : %1</translation>
    </message>
    <message>
        <source>To improve: %1</source>
        <translation>À améliorer : %1</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 caractères sur %2</translation>
    </message>
    <message>
        <source>Choose the client.</source>
        <translation>Choisissez le client.</translation>
    </message>
    <message>
        <source>Choose the session the class review is about.</source>
        <translation>Choisissez la séance sur laquelle porte l’avis.</translation>
    </message>
    <message>
        <source>Choose the stars, from 1 to 5.</source>
        <translation>Choisissez le nombre d’étoiles, de 1 à 5.</translation>
    </message>
</context>
<context>
    <name>AspectSection</name>
    <message>
        <source>What did you like?</source>
        <translation>Qu’avez-vous aimé ?</translation>
    </message>
    <message>
        <source>What could we improve?</source>
        <translation>Que pourrions-nous améliorer ?</translation>
    </message>
    <message>
        <source>+ Add your own</source>
        <translation>+ Ajouter le vôtre</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>Dans vos mots</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>AspectsPage</name>
    <message>
        <source>Aspects are the qualities clients tick when they rate. Aspects clients add in their own words wait for your approval before other clients see them. Hiding one takes it off the kiosk; merging moves its votes to another.</source>
        <translation>Les aspects sont les qualités que les clients cochent en donnant leur avis. Ceux que les clients ajoutent dans leurs mots attendent votre approbation avant d’être proposés aux autres clients. Masquer un aspect le retire de la borne ; fusionner déplace ses votes vers un autre.</translation>
    </message>
    <message>
        <source>Class and studio reviews</source>
        <translation>Avis sur les cours et sur l’entreprise</translation>
    </message>
    <message>
        <source>Class reviews</source>
        <translation>Avis sur les cours</translation>
    </message>
    <message>
        <source>Studio reviews</source>
        <translation>Avis sur l’entreprise</translation>
    </message>
    <message>
        <source>Show merged aspects</source>
        <translation>Afficher les aspects fusionnés</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Afficher de nouveau</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>The change failed: %1</source>
        <translation>La modification a échoué : %1</translation>
    </message>
    <message>
        <source>“%1” is now offered to clients.</source>
        <translation>« %1 » est maintenant proposé aux clients.</translation>
    </message>
    <message>
        <source>“%1” is hidden from the kiosk; its votes still count.</source>
        <translation>« %1 » est masqué sur la borne ; ses votes comptent toujours.</translation>
    </message>
    <message>
        <source>“%1” is offered again.</source>
        <translation>« %1 » est de nouveau proposé.</translation>
    </message>
    <message>
        <source>Renamed to “%1” / “%2”.</source>
        <translation>Renommé en « %1 » / « %2 ».</translation>
    </message>
    <message>
        <source>Merged. Votes moved: %1.</source>
        <translation>Fusionné. Votes déplacés : %1.</translation>
    </message>
</context>
<context>
    <name>AspectsTableModel</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Where you excel</source>
        <translation>Où vous excellez</translation>
    </message>
    <message>
        <source>To improve</source>
        <translation>À améliorer</translation>
    </message>
    <message>
        <source>Predefined</source>
        <translation>Prédéfini</translation>
    </message>
    <message>
        <source>Added by a client</source>
        <translation>Ajouté par un client</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>Fusionné dans %1</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Proposé</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Feedback Desk: tell us how it went</source>
        <translation>Feedback Desk : dites-nous comment ça s’est passé</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>MergeAspectDialog</name>
    <message>
        <source>%1 (votes: %2)</source>
        <translation>%1 (votes : %2)</translation>
    </message>
    <message>
        <source>Merge aspect</source>
        <translation>Fusionner l’aspect</translation>
    </message>
    <message>
        <source>Merge “%1” into the aspect below. Its %2 votes move there, and “%1” is hidden for good.</source>
        <translation>Fusionner « %1 » dans l’aspect ci-dessous. Ses %2 votes y sont déplacés et « %1 » est masqué définitivement.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Réservé au personnel</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Entrez le NIP du personnel.</translation>
    </message>
    <message>
        <source>No staff PIN is set, so anyone can leave kiosk mode. Set one in Settings (kiosk.pin).</source>
        <translation>Aucun NIP du personnel n’est défini : n’importe qui peut quitter le mode borne. Définissez-en un dans les Paramètres (kiosk.pin).</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>NIP incorrect. Réessayez.</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>Hello %1!</source>
        <translation>Bonjour %1 !</translation>
    </message>
    <message>
        <source>Tap the stars: 1 is poor, 5 is excellent.</source>
        <translation>Touchez les étoiles : 1 c’est décevant, 5 c’est excellent.</translation>
    </message>
    <message>
        <source>1 star</source>
        <translation>1 étoile</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 étoiles</translation>
    </message>
    <message>
        <source>A comment? (optional)</source>
        <translation>Un commentaire ? (facultatif)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Ignore for now</source>
        <translation>Ignorer pour le moment</translation>
    </message>
    <message>
        <source>Not you? Start over</source>
        <translation>Ce n’est pas vous ? Recommencer</translation>
    </message>
    <message>
        <source>How was %1 with %2 today?</source>
        <translation>Comment était %1 avec %2 aujourd’hui ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 yesterday?</source>
        <translation>Comment était %1 avec %2 hier ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 last %3?</source>
        <translation>Comment était %1 avec %2 %3 dernier ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 on %3?</source>
        <translation>Comment était %1 avec %2 %3 ?</translation>
    </message>
</context>
<context>
    <name>RenameAspectDialog</name>
    <message>
        <source>Rename aspect</source>
        <translation>Renommer l’aspect</translation>
    </message>
    <message>
        <source>French label:</source>
        <translation>Libellé français :</translation>
    </message>
    <message>
        <source>English label:</source>
        <translation>Libellé anglais :</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>Sorry!</source>
        <translation>Désolé !</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Merci, %1 !</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Your opinion helps us make every class better.</source>
        <translation>Votre avis nous aide à améliorer chaque cours.</translation>
    </message>
    <message>
        <source>No problem. Maybe next time!</source>
        <translation>Pas de problème. Une prochaine fois peut-être !</translation>
    </message>
    <message>
        <source>There is nothing to rate for now. See you soon!</source>
        <translation>Il n’y a rien à évaluer pour le moment. À bientôt !</translation>
    </message>
    <message>
        <source>Something went wrong and your answer was not saved. Please tell the front desk.</source>
        <translation>Un problème est survenu et votre réponse n’a pas été enregistrée. Veuillez en informer l’accueil.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Your opinion counts!</source>
        <translation>Votre avis compte !</translation>
    </message>
    <message>
        <source>Type your name or your member number to give your opinion.</source>
        <translation>Tapez votre nom ou votre numéro de membre pour donner votre avis.</translation>
    </message>
    <message>
        <source>Your name or member number</source>
        <translation>Votre nom ou numéro de membre</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or ask at the front desk.</source>
        <translation>Aucun membre trouvé. Vérifiez l’orthographe ou adressez-vous à l’accueil.</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Touchez votre nom.</translation>
    </message>
</context>
</TS>
