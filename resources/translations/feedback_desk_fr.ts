<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Feedback Desk</source>
        <translation>À propos de Feedback Desk</translation>
    </message>
    <message>
        <source>Feedback Desk {version}</source>
        <translation>Feedback Desk {version}</translation>
    </message>
    <message>
        <source>Collect, understand and act on what your clients think.</source>
        <translation>Recueillez, comprenez et suivez ce que pensent vos clients.</translation>
    </message>
    <message>
        <source>Store: {where}
Data folder: {folder}
Logs: {logs}</source>
        <translation>Base : {where}
Dossier des données : {folder}
Journaux : {logs}</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copier le diagnostic</translation>
    </message>
    <message>
        <source>Copies the versions, the folders and the recent errors of the log (without any client data or password), to paste into a message to support</source>
        <translation>Copie les versions, les dossiers et les erreurs récentes du journal (sans aucune donnée de client ni mot de passe), à coller dans un message au soutien technique</translation>
    </message>
    <message>
        <source>Copied: paste them into your message to support.</source>
        <translation>Copié : collez-le dans votre message au soutien technique.</translation>
    </message>
</context>
<context>
    <name>ActionContactsDialog</name>
    <message>
        <source>Contacts with the client</source>
        <translation>Contacts avec le client</translation>
    </message>
    <message>
        <source>What was said, what was agreed</source>
        <translation>Ce qui a été dit, ce qui a été convenu</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>Send follow-up…</source>
        <translation>Envoyer un suivi…</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>the contacts</source>
        <translation>les contacts</translation>
    </message>
    <message>
        <source>the contact</source>
        <translation>le contact</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>Contact ajouté.</translation>
    </message>
    <message>
        <source>Follow-up queued; it is logged as an email contact.</source>
        <translation>Suivi mis en file d’attente ; il est noté comme contact par courriel.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 on %4.%5</source>
        <translation>%1 (%2) : %3 le %4.%5</translation>
    </message>
</context>
<context>
    <name>ActionWorklistDialog</name>
    <message>
        <source>Actions to take</source>
        <translation>Actions à faire</translation>
    </message>
    <message>
        <source>Close selected…</source>
        <translation>Fermer la sélection…</translation>
    </message>
    <message>
        <source>Close all shown…</source>
        <translation>Fermer toutes celles affichées…</translation>
    </message>
    <message>
        <source>Close every open action the filters show, loaded or not</source>
        <translation>Fermer toutes les actions ouvertes que montrent les filtres, chargées ou non</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reopen the actions just closed</source>
        <translation>Rouvrir les actions qui viennent d’être fermées</translation>
    </message>
    <message>
        <source>the coaches</source>
        <translation>les coachs</translation>
    </message>
    <message>
        <source>the classes</source>
        <translation>les cours</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>1 open action</source>
        <translation>1 action ouverte</translation>
    </message>
    <message>
        <source>{n} open actions</source>
        <translation>{n} actions ouvertes</translation>
    </message>
    <message>
        <source>1 action</source>
        <translation>1 action</translation>
    </message>
    <message>
        <source>{n} actions</source>
        <translation>{n} actions</translation>
    </message>
    <message>
        <source>1 closed action</source>
        <translation>1 action fermée</translation>
    </message>
    <message>
        <source>{n} closed actions</source>
        <translation>{n} actions fermées</translation>
    </message>
    <message>
        <source>Nothing to do: no review of 3 stars or fewer is open.</source>
        <translation>Rien à faire : aucun avis de 3 étoiles ou moins n’est ouvert.</translation>
    </message>
    <message>
        <source>No action matches these filters.</source>
        <translation>Aucune action ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>the actions shown</source>
        <translation>les actions affichées</translation>
    </message>
    <message>
        <source>Could not read the actions shown: {why}</source>
        <translation>Impossible de lire les actions affichées : {why}</translation>
    </message>
    <message>
        <source>None of these actions is open.</source>
        <translation>Aucune de ces actions n’est ouverte.</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Fermeture…</translation>
    </message>
    <message>
        <source>closing the actions</source>
        <translation>la fermeture des actions</translation>
    </message>
    <message>
        <source>Nothing closed: these actions were closed meanwhile.</source>
        <translation>Rien n’a été fermé : ces actions ont été fermées entre-temps.</translation>
    </message>
    <message>
        <source>1 action closed.</source>
        <translation>1 action fermée.</translation>
    </message>
    <message>
        <source>{n} actions closed.</source>
        <translation>{n} actions fermées.</translation>
    </message>
    <message>
        <source>Reopening…</source>
        <translation>Réouverture…</translation>
    </message>
    <message>
        <source>reopening the actions</source>
        <translation>la réouverture des actions</translation>
    </message>
    <message>
        <source>1 action reopened.</source>
        <translation>1 action rouverte.</translation>
    </message>
    <message>
        <source>{n} actions reopened.</source>
        <translation>{n} actions rouvertes.</translation>
    </message>
    <message>
        <source>{n} of the {closed} actions reopened; the others changed since.</source>
        <translation>{n} des {closed} actions rouvertes ; les autres ont changé depuis.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistré : {why}</translation>
    </message>
</context>
<context>
    <name>ActionsTableModel</name>
    <message>
        <source>the actions to take</source>
        <translation>les actions à faire</translation>
    </message>
    <message>
        <source>Could not load the actions: {why}</source>
        <translation>Impossible de charger les actions : {why}</translation>
    </message>
    <message>
        <source>When the client gave the review (the age filter counts from it)</source>
        <translation>Quand le client a donné l’avis (le filtre d’âge compte à partir de là)</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Date de l’avis</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Entraîneur</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée le</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Review {review}</source>
        <translation>Avis {review}</translation>
    </message>
    <message>
        <source>{stars} out of 5</source>
        <translation>{stars} sur 5</translation>
    </message>
    <message>
        <source>Closed by {staff}</source>
        <translation>Fermée par {staff}</translation>
    </message>
    <message>
        <source>Email reply</source>
        <translation>Réponse par courriel</translation>
    </message>
    <message>
        <source>The client&apos;s reply to the outreach (no review)</source>
        <translation>La réponse du client à la relance (aucun avis)</translation>
    </message>
</context>
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
        <source>Open that review</source>
        <translation>Ouvrir cet avis</translation>
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
        <source>the clients</source>
        <translation>les clients</translation>
    </message>
    <message>
        <source>the client&apos;s sessions</source>
        <translation>les séances du client</translation>
    </message>
    <message>
        <source>the aspects</source>
        <translation>les aspects</translation>
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
        <source>%1 — already reviewed</source>
        <translation>%1 — déjà évaluée</translation>
    </message>
    <message>
        <source>%1 already reviewed this session (review %2).</source>
        <translation>%1 a déjà évalué cette séance (avis %2).</translation>
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
    <message>
        <source>the review</source>
        <translation>l&apos;avis</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The review could not be recorded: {why}</source>
        <translation>L&apos;avis n&apos;a pas pu être enregistré : {why}</translation>
    </message>
    <message>
        <source>Would recommend (0-10):</source>
        <translation>Recommanderait (0-10) :</translation>
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
        <source>the aspects</source>
        <translation>les aspects</translation>
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
        <source>Another aspect is already called “%1” / “%2”: merge the two.</source>
        <translation>Un autre aspect s’appelle déjà « %1 » / « %2 » : fusionnez les deux.</translation>
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
    <name>BulkCloseDialog</name>
    <message>
        <source>Close actions</source>
        <translation>Fermer des actions</translation>
    </message>
    <message>
        <source>Close 1 action?</source>
        <translation>Fermer 1 action ?</translation>
    </message>
    <message>
        <source>Close {count} actions?</source>
        <translation>Fermer {count} actions ?</translation>
    </message>
    <message>
        <source>Each action keeps this outcome and note; Undo reopens them.</source>
        <translation>Chaque action garde ce résultat et cette note ; Annuler les rouvre.</translation>
    </message>
</context>
<context>
    <name>BulkEmail</name>
    <message>
        <source>Send emails</source>
        <translation>Envoyer des courriels</translation>
    </message>
    <message>
        <source>1 email queued.</source>
        <translation>1 courriel mis en file d’attente.</translation>
    </message>
    <message numerus="yes">
        <source>%n emails queued.</source>
        <translation>
            <numerusform>%n courriel mis en file d’attente.</numerusform>
            <numerusform>%n courriels mis en file d’attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already queued before.</source>
        <translation>
            <numerusform>%n déjà en file d’attente.</numerusform>
            <numerusform>%n déjà en file d’attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Queue 1 email</source>
        <translation>Mettre 1 courriel en file d’attente</translation>
    </message>
    <message numerus="yes">
        <source>Queue %n emails</source>
        <translation>
            <numerusform>Mettre %n courriel en file d’attente</numerusform>
            <numerusform>Mettre %n courriels en file d’attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue the outreach email for 1 client?</source>
        <translation>Mettre en file d’attente le courriel de relance pour 1 client ?</translation>
    </message>
    <message numerus="yes">
        <source>Queue the outreach email for %n clients?</source>
        <translation>
            <numerusform>Mettre en file d’attente le courriel de relance pour %n client ?</numerusform>
            <numerusform>Mettre en file d’attente le courriel de relance pour %n clients ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue the thank-you email for 1 client?</source>
        <translation>Mettre en file d’attente le courriel de remerciement pour 1 client ?</translation>
    </message>
    <message numerus="yes">
        <source>Queue the thank-you email for %n clients?</source>
        <translation>
            <numerusform>Mettre en file d’attente le courriel de remerciement pour %n client ?</numerusform>
            <numerusform>Mettre en file d’attente le courriel de remerciement pour %n clients ?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPreview</name>
    <message>
        <source>Check a client to read the email they would get.</source>
        <translation>Cochez un client pour lire le courriel qu’il recevrait.</translation>
    </message>
    <message>
        <source>The email as %1 would get it; each client gets it in their language.</source>
        <translation>Le courriel tel que %1 le recevrait ; chaque client le reçoit dans sa langue.</translation>
    </message>
    <message>
        <source>Reading the email…</source>
        <translation>Lecture du courriel…</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>le courriel</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>The email cannot be shown: %1</source>
        <translation>Impossible d’afficher le courriel : %1</translation>
    </message>
</context>
<context>
    <name>BusinessReviewsTab</name>
    <message>
        <source>Business reviews</source>
        <translation>Avis sur l’entreprise</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>already invited, open until {when}</source>
        <translation>déjà invité, ouverte jusqu&apos;au {when}</translation>
    </message>
    <message>
        <source>no email ({why}): offered at the kiosk</source>
        <translation>pas de courriel ({why}) : proposée à la borne</translation>
    </message>
    <message>
        <source>by email, and at the kiosk</source>
        <translation>par courriel, et à la borne</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>This chart could not be drawn; the details are in the log.</source>
        <translation>Ce graphique n’a pas pu être dessiné ; les détails sont dans le journal.</translation>
    </message>
</context>
<context>
    <name>ClassReviewsTab</name>
    <message>
        <source>Coach</source>
        <translation>Entraîneur</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Double-click a coach to see only their reviews</source>
        <translation>Double-cliquez sur un entraîneur pour ne voir que ses avis</translation>
    </message>
    <message>
        <source>Class reviews</source>
        <translation>Avis sur les cours</translation>
    </message>
    <message>
        <source>{coach} ({id}): {segments}</source>
        <translation>{coach} ({id}) : {segments}</translation>
    </message>
</context>
<context>
    <name>ClientCardDialog</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Member since:</source>
        <translation>Membre depuis :</translation>
    </message>
    <message>
        <source>Email consent:</source>
        <translation>Consentement aux courriels :</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Affichée</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Fermée par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>Liée par</translation>
    </message>
    <message>
        <source>the client card</source>
        <translation>la fiche du client</translation>
    </message>
    <message>
        <source>Client not found</source>
        <translation>Client introuvable</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>Ce client n’existe plus.</translation>
    </message>
    <message>
        <source>Client {client}</source>
        <translation>Client {client}</translation>
    </message>
    <message>
        <source>reviewed on Google</source>
        <translation>a laissé un avis Google</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>désabonné</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Google reviews linked to this client:</source>
        <translation>Avis Google liés à ce client :</translation>
    </message>
    <message>
        <source>Marked as having reviewed on Google by {who} on {when}.</source>
        <translation>Marqué comme ayant laissé un avis Google par {who} le {when}.</translation>
    </message>
    <message>
        <source>No Google review linked to this client.</source>
        <translation>Aucun avis Google lié à ce client.</translation>
    </message>
    <message>
        <source>Reviews ({n})</source>
        <translation>Avis ({n})</translation>
    </message>
    <message>
        <source>Prompts ({n})</source>
        <translation>Demandes ({n})</translation>
    </message>
    <message>
        <source>Actions ({n} open)</source>
        <translation>Actions ({n} ouvertes)</translation>
    </message>
    <message>
        <source>Actions ({n})</source>
        <translation>Actions ({n})</translation>
    </message>
    <message>
        <source>Google ({n})</source>
        <translation>Google ({n})</translation>
    </message>
    <message>
        <source>Testimonial</source>
        <translation>Témoignage</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Répond à</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traité</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>(their email)</source>
        <translation>(son courriel)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Emails ({n} to read)</source>
        <translation>Courriels ({n} à lire)</translation>
    </message>
    <message>
        <source>Emails ({n})</source>
        <translation>Courriels ({n})</translation>
    </message>
</context>
<context>
    <name>ClientPages</name>
    <message>
        <source>Serving the client pages at {url}</source>
        <translation>Pages clients servies à {url}</translation>
    </message>
    <message>
        <source>Starting the client pages…</source>
        <translation>Démarrage des pages clients…</translation>
    </message>
    <message>
        <source>The client pages are not served while this window is open.</source>
        <translation>Les pages clients ne sont pas servies pendant que cette fenêtre est ouverte.</translation>
    </message>
    <message>
        <source>The client pages cannot start: port {port} is already in use by another program; choose another port in Settings → Client pages.</source>
        <translation>Les pages clients ne peuvent pas démarrer : le port {port} est déjà utilisé par un autre programme ; choisissez un autre port dans Paramètres → Pages clients.</translation>
    </message>
    <message>
        <source>The client pages cannot start: this PC has no address {host}; change it in Settings → Client pages.</source>
        <translation>Les pages clients ne peuvent pas démarrer : ce PC n’a pas l’adresse {host} ; changez-la dans Paramètres → Pages clients.</translation>
    </message>
    <message>
        <source>The client pages cannot start: {why}</source>
        <translation>Les pages clients ne peuvent pas démarrer : {why}</translation>
    </message>
</context>
<context>
    <name>ClientPagesPage</name>
    <message>
        <source>Serve the client pages while this window is open</source>
        <translation>Servir les pages clients pendant que cette fenêtre est ouverte</translation>
    </message>
    <message>
        <source>0.0.0.0: every network of this PC</source>
        <translation>0.0.0.0 : tous les réseaux de ce PC</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Public address of the answer pages:</source>
        <translation>Adresse publique des pages de réponse :</translation>
    </message>
    <message>
        <source>When set, email requests link to their answer page at this address (a tunnel the studio runs, publishing only /a/ and /static/). Empty: clients answer by replying to the email.</source>
        <translation>Si elle est indiquée, les demandes par courriel renvoient à leur page de réponse à cette adresse (un tunnel du studio qui ne publie que /a/ et /static/). Vide : les clients répondent au courriel.</translation>
    </message>
    <message>
        <source>Tablet name (optional)</source>
        <translation>Nom de la tablette (facultatif)</translation>
    </message>
    <message>
        <source>Pair a tablet</source>
        <translation>Jumeler une tablette</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>Jumelée le</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Kiosk tablets</source>
        <translation>Tablettes de borne</translation>
    </message>
    <message>
        <source>QR code of {url}</source>
        <translation>Code QR de {url}</translation>
    </message>
    <message>
        <source>Scan it with the tablet&apos;s camera, or open {url} in its browser.</source>
        <translation>Scannez-le avec l’appareil photo de la tablette, ou ouvrez {url} dans son navigateur.</translation>
    </message>
    <message>
        <source>Making a pairing code…</source>
        <translation>Création d’un code de jumelage…</translation>
    </message>
    <message>
        <source>a pairing code</source>
        <translation>un code de jumelage</translation>
    </message>
    <message>
        <source>Code for {name}, valid until {time}: on the tablet, open the kiosk&apos;s address and type it (once).</source>
        <translation>Code pour {name}, valable jusqu’à {time} : sur la tablette, ouvrez l’adresse de la borne et tapez-le (une seule fois).</translation>
    </message>
    <message>
        <source>The client pages are not served yet: switch them on above, then save.</source>
        <translation>Les pages clients ne sont pas encore servies : activez-les ci-dessus, puis enregistrez.</translation>
    </message>
    <message>
        <source>No pairing code: {why}</source>
        <translation>Pas de code de jumelage : {why}</translation>
    </message>
    <message>
        <source>The pairing code has expired; pair again for a new one.</source>
        <translation>Le code de jumelage a expiré ; jumelez de nouveau pour en obtenir un autre.</translation>
    </message>
    <message>
        <source>the paired tablets</source>
        <translation>les tablettes jumelées</translation>
    </message>
    <message>
        <source>{name} is paired.</source>
        <translation>{name} est jumelée.</translation>
    </message>
    <message>
        <source>Paired tablets:</source>
        <translation>Tablettes jumelées :</translation>
    </message>
    <message>
        <source>No tablet is paired yet.</source>
        <translation>Aucune tablette n’est encore jumelée.</translation>
    </message>
    <message>
        <source>unpairing a tablet</source>
        <translation>la dissociation d’une tablette</translation>
    </message>
    <message>
        <source>{name} is unpaired: it leaves the kiosk at its next page.</source>
        <translation>{name} est dissociée : elle quitte la borne à sa prochaine page.</translation>
    </message>
</context>
<context>
    <name>ClientPagesStatusWidget</name>
    <message>
        <source>Client pages: {url}</source>
        <translation>Pages clients : {url}</translation>
    </message>
    <message>
        <source>Client pages: starting…</source>
        <translation>Pages clients : démarrage…</translation>
    </message>
    <message>
        <source>Client pages: not served</source>
        <translation>Pages clients : non servies</translation>
    </message>
</context>
<context>
    <name>ClientsFeature</name>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <source>&amp;Add review…</source>
        <translation>&amp;Ajouter un avis…</translation>
    </message>
    <message>
        <source>Record a review given by phone or in person</source>
        <translation>Enregistrer un avis donné par téléphone ou en personne</translation>
    </message>
    <message>
        <source>&amp;Find client…</source>
        <translation>&amp;Trouver un client…</translation>
    </message>
    <message>
        <source>A&amp;ctions to take…</source>
        <translation>A&amp;ctions à faire…</translation>
    </message>
    <message>
        <source>&amp;Non-respondents…</source>
        <translation>&amp;Non-répondants…</translation>
    </message>
    <message>
        <source>&amp;Thank the promoters…</source>
        <translation>&amp;Remercier les promoteurs…</translation>
    </message>
    <message>
        <source>Review {id} recorded.</source>
        <translation>Avis {id} enregistré.</translation>
    </message>
    <message>
        <source>Non-respondents</source>
        <translation>Non-répondants</translation>
    </message>
    <message>
        <source>&amp;Invite to recommend…</source>
        <translation>&amp;Inviter à recommander…</translation>
    </message>
    <message>
        <source>Ask clients for a testimonial the studio may publish</source>
        <translation>Demander aux clients un témoignage que le studio pourra publier</translation>
    </message>
</context>
<context>
    <name>CloseActionDialog</name>
    <message>
        <source>Close older actions</source>
        <translation>Fermer les actions plus anciennes</translation>
    </message>
    <message>
        <source>Close the action</source>
        <translation>Fermer l’action</translation>
    </message>
    <message>
        <source>Close every open action of a review dated before:</source>
        <translation>Fermer toute action ouverte d’un avis daté d’avant le :</translation>
    </message>
    <message>
        <source>What was done (optional)</source>
        <translation>Ce qui a été fait (facultatif)</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Résultat :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>For imported history: the actions keep this outcome and note.</source>
        <translation>Pour l’historique importé : les actions gardent ce résultat et cette note.</translation>
    </message>
</context>
<context>
    <name>ColumnsTable</name>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va dans</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <source>ignored: your choice</source>
        <translation>ignorée : votre choix</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>votre choix</translation>
    </message>
    <message>
        <source>ignored by the preset {name}</source>
        <translation>ignorée par le préréglage {name}</translation>
    </message>
    <message>
        <source>the preset {name}</source>
        <translation>le préréglage {name}</translation>
    </message>
    <message>
        <source>ignored by the mapping</source>
        <translation>ignorée par la correspondance</translation>
    </message>
    <message>
        <source>the mapping</source>
        <translation>la correspondance</translation>
    </message>
    <message>
        <source>its name</source>
        <translation>son nom</translation>
    </message>
    <message>
        <source>recognised as {alias}</source>
        <translation>reconnue comme {alias}</translation>
    </message>
    <message>
        <source>ignored: column {other} gives {field}</source>
        <translation>ignorée : la colonne {other} donne {field}</translation>
    </message>
    <message>
        <source>not recognised: ignored</source>
        <translation>non reconnue : ignorée</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorer)</translation>
    </message>
    <message>
        <source>Columns named {names}</source>
        <translation>Colonnes nommées {names}</translation>
    </message>
    <message>
        <source>Field for column {header}</source>
        <translation>Champ de la colonne {header}</translation>
    </message>
</context>
<context>
    <name>ComposeEmailDialog</name>
    <message>
        <source>Email to the client</source>
        <translation>Courriel au client</translation>
    </message>
    <message>
        <source>Preparing the email…</source>
        <translation>Préparation du courriel…</translation>
    </message>
    <message>
        <source>This email asks for referrals: the studio&apos;s name and address and an unsubscribe line are added below your text.</source>
        <translation>Ce courriel demande des recommandations : le nom et l’adresse du studio et une ligne de désabonnement sont ajoutés sous votre texte.</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>le courriel</translation>
    </message>
    <message>
        <source>The email could not be prepared: {why}</source>
        <translation>Le courriel n&apos;a pas pu être préparé : {why}</translation>
    </message>
    <message>
        <source>Replace {instruction} with your own words before sending.</source>
        <translation>Remplacez {instruction} par votre propre texte avant d&apos;envoyer.</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Avis :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>ContactChannels</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Building the demo studio…</source>
        <translation>Création du studio de démonstration…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Feedback Desk</source>
        <translation>Feedback Desk</translation>
    </message>
</context>
<context>
    <name>DetailsStep</name>
    <message>
        <source>What will be shown</source>
        <translation>Ce qui sera affiché</translation>
    </message>
    <message>
        <source>Choose what you agree to show about you. Nothing else is ever shown, and you can withdraw your consent at any time.</source>
        <translation>Choisissez ce que vous acceptez d&apos;afficher à votre sujet. Rien d&apos;autre n&apos;est jamais affiché, et vous pouvez retirer votre consentement à tout moment.</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Titre du poste</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Your name appears as</source>
        <translation>Votre nom apparaît ainsi</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Votre consentement</translation>
    </message>
    <message>
        <source>Show my name</source>
        <translation>Afficher mon nom</translation>
    </message>
    <message>
        <source>Show my job title</source>
        <translation>Afficher mon titre</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Member of %1</source>
        <translation>Membre de %1</translation>
    </message>
</context>
<context>
    <name>DialogOpener</name>
    <message>
        <source>Reply queued in the outbox.</source>
        <translation>Réponse mise dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <source>Review {review}: {old} → {new} stars</source>
        <translation>Avis {review} : {old} → {new} étoiles</translation>
    </message>
    <message>
        <source>Action of review {review} closed</source>
        <translation>Action de l’avis {review} fermée</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}</source>
        <translation>La modification n’a pas pu être enregistrée : {error}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>{n} action closed</source>
        <translation>{n} action fermée</translation>
    </message>
    <message>
        <source>{n} actions closed</source>
        <translation>{n} actions fermées</translation>
    </message>
</context>
<context>
    <name>EditStarsDialog</name>
    <message>
        <source>Edit stars</source>
        <translation>Modifier les étoiles</translation>
    </message>
    <message>
        <source>Why the stars change (optional)</source>
        <translation>Pourquoi les étoiles changent (facultatif)</translation>
    </message>
    <message>
        <source>The original value, the new one, who and when are kept, and the review shows “edited manually”. Lowering it to 3 stars or fewer opens an action to take.</source>
        <translation>La valeur d’origine, la nouvelle, qui et quand sont conservés, et l’avis indique « modifié manuellement ». Le baisser à 3 étoiles ou moins ouvre une action à faire.</translation>
    </message>
    <message>
        <source>Current stars:</source>
        <translation>Étoiles actuelles :</translation>
    </message>
    <message>
        <source>New stars:</source>
        <translation>Nouvelles étoiles :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
</context>
<context>
    <name>EmailSettingsPage</name>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Email the managers when a review has 3 stars or fewer</source>
        <translation>Écrire aux gestionnaires quand un avis a 3 étoiles ou moins</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> par minute</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>seulement sur demande</translation>
    </message>
    <message>
        <source>Printed under invitations and thank-you emails</source>
        <translation>Imprimée sous les invitations et les remerciements</translation>
    </message>
    <message>
        <source>Send test email</source>
        <translation>Envoyer un courriel de test</translation>
    </message>
    <message>
        <source>Outgoing mail server</source>
        <translation>Serveur d’envoi</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Adresse de l’expéditeur :</translation>
    </message>
    <message>
        <source>Give up waiting after:</source>
        <translation>Abandonner l’attente après :</translation>
    </message>
    <message>
        <source>Alerts and sending</source>
        <translation>Alertes et envoi</translation>
    </message>
    <message>
        <source>Managers&apos; addresses:</source>
        <translation>Adresses des gestionnaires :</translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation>Envoyer au plus :</translation>
    </message>
    <message>
        <source>While the window is open, send every:</source>
        <translation>Fenêtre ouverte, envoyer toutes les :</translation>
    </message>
    <message>
        <source>Emails to clients</source>
        <translation>Courriels aux clients</translation>
    </message>
    <message>
        <source>Studio address:</source>
        <translation>Adresse du studio :</translation>
    </message>
    <message>
        <source>Unsubscribe page (optional):</source>
        <translation>Page de désabonnement (facultatif) :</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>le trousseau du système</translation>
    </message>
    <message>
        <source>(kept in the system keyring)</source>
        <translation>(gardé dans le trousseau du système)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>No manager address: no at-risk alert is sent for reviews of 3 stars or fewer.</source>
        <translation>Aucune adresse de gestionnaire : aucune alerte n’est envoyée pour les avis de 3 étoiles ou moins.</translation>
    </message>
    <message>
        <source>Enter the outgoing mail server (such as smtp.example.com): without it, no email leaves the outbox.</source>
        <translation>Entrez le serveur d’envoi (par exemple smtp.example.com) : sans lui, aucun courriel ne quitte la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>the test email</source>
        <translation>le courriel de test</translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <source>({shown} of {total})</source>
        <translation>({shown} sur {total})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong ({what}). Your data is safe; the details are in {log}.</source>
        <translation>Une erreur s’est produite ({what}). Vos données sont intactes ; les détails sont dans {log}.</translation>
    </message>
    <message>
        <source>Feedback Desk</source>
        <translation>Feedback Desk</translation>
    </message>
    <message>
        <source>the store is busy (another program is writing to it); try again in a moment</source>
        <translation>la base de données est occupée (un autre programme y écrit) ; réessayez dans un instant</translation>
    </message>
    <message>
        <source>the connection failed ({why})</source>
        <translation>la connexion a échoué ({why})</translation>
    </message>
    <message>
        <source>an unexpected error ({kind}); the details are in the log</source>
        <translation>une erreur inattendue ({kind}) ; les détails sont dans le journal</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, one row a review (*.csv)</source>
        <translation>CSV, une ligne par avis (*.csv)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>The workbook has three sheets: by coach, by date (one row a day) and the comments of the period. Only review data is exported.</source>
        <translation>Le classeur a trois feuilles : par entraîneur, par date (une ligne par jour) et les commentaires de la période. Seules les données des avis sont exportées.</translation>
    </message>
    <message>
        <source>Period (local days):</source>
        <translation>Période (jours locaux) :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>La période commence après sa fin.</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>Choisissez un fichier.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>{p} promoters (9-10), {n} passives (7-8), {d} detractors (0-6), of {r} answers to the 0-10 question</source>
        <translation>{p} promoteurs (9-10), {n} passifs (7-8), {d} détracteurs (0-6), sur {r} réponses à la question 0-10</translation>
    </message>
    <message>
        <source>Net Promoter Score (0-10): {nps} ({details})</source>
        <translation>Net Promoter Score (0-10) : {nps} ({details})</translation>
    </message>
    <message>
        <source>{caption}: no prompt shown</source>
        <translation>{caption} : aucune demande affichée</translation>
    </message>
    <message>
        <source>{caption}: {rates}</source>
        <translation>{caption} : {rates}</translation>
    </message>
    <message>
        <source>{channel}: {answered} answered of {shown} prompts shown</source>
        <translation>{channel} : {answered} réponses sur {shown} demandes affichées</translation>
    </message>
    <message>
        <source>{n} review</source>
        <translation>{n} avis</translation>
    </message>
    <message>
        <source>{n} reviews</source>
        <translation>{n} avis</translation>
    </message>
    <message>
        <source>{promoters}, {passives}, {detractors}</source>
        <translation>{promoters}, {passives}, {detractors}</translation>
    </message>
    <message>
        <source>{n} promoter</source>
        <translation>{n} promoteur</translation>
    </message>
    <message>
        <source>{n} promoters</source>
        <translation>{n} promoteurs</translation>
    </message>
    <message>
        <source>{n} passive</source>
        <translation>{n} passif</translation>
    </message>
    <message>
        <source>{n} passives</source>
        <translation>{n} passifs</translation>
    </message>
    <message>
        <source>{n} detractor</source>
        <translation>{n} détracteur</translation>
    </message>
    <message>
        <source>{n} detractors</source>
        <translation>{n} détracteurs</translation>
    </message>
</context>
<context>
    <name>FileLayout</name>
    <message>
        <source>day/month/year</source>
        <translation>jour/mois/année</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>mois/jour/année</translation>
    </message>
    <message>
        <source>Dates are written</source>
        <translation>Les dates sont écrites</translation>
    </message>
    <message>
        <source>Dates are written:</source>
        <translation>Les dates sont écrites :</translation>
    </message>
    <message>
        <source>The file cannot be read as a CSV file.</source>
        <translation>Le fichier ne peut pas être lu comme un fichier CSV.</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>des virgules</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>des points-virgules</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>des tabulations</translation>
    </message>
    <message>
        <source>Not UTF-8: read as {encoding}. Values separated by {separator}.</source>
        <translation>Pas en UTF-8 : lu comme {encoding}. Valeurs séparées par {separator}.</translation>
    </message>
    <message>
        <source>Read as {encoding}. Values separated by {separator}.</source>
        <translation>Lu comme {encoding}. Valeurs séparées par {separator}.</translation>
    </message>
    <message>
        <source>day/month/year (as {example} shows)</source>
        <translation>jour/mois/année (comme le montre {example})</translation>
    </message>
    <message>
        <source>month/day/year (as {example} shows)</source>
        <translation>mois/jour/année (comme le montre {example})</translation>
    </message>
    <message>
        <source>each date could be day/month or month/day: choose below</source>
        <translation>chaque date peut se lire jour/mois ou mois/jour : choisissez ci-dessous</translation>
    </message>
    <message>
        <source>both orders appear ({example}): the file mixes two ways of writing dates</source>
        <translation>les deux ordres apparaissent ({example}) : le fichier mélange deux façons d’écrire les dates</translation>
    </message>
    <message>
        <source>year-month-day</source>
        <translation>année-mois-jour</translation>
    </message>
    <message>
        <source>read with the format {example}</source>
        <translation>lues avec le format {example}</translation>
    </message>
    <message>
        <source>no date read in the first rows</source>
        <translation>aucune date lue dans les premières lignes</translation>
    </message>
    <message>
        <source>Dates of {column}: {how}</source>
        <translation>Dates de {column} : {how}</translation>
    </message>
</context>
<context>
    <name>FindClientDialog</name>
    <message>
        <source>Email consent</source>
        <translation>Consentement aux courriels</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>Trouver un client</translation>
    </message>
    <message>
        <source>Part of a name or a member id</source>
        <translation>Une partie du nom ou un numéro de membre</translation>
    </message>
    <message>
        <source>Open client card…</source>
        <translation>Ouvrir la fiche du client…</translation>
    </message>
    <message>
        <source>Mark as unsubscribed</source>
        <translation>Marquer comme désabonné</translation>
    </message>
    <message>
        <source>The client asked for no more invitations, thank-yous or outreach emails</source>
        <translation>Le client ne veut plus d’invitations, de remerciements ni de relances par courriel</translation>
    </message>
    <message>
        <source>Subscribe again</source>
        <translation>Réabonner</translation>
    </message>
    <message>
        <source>The client asked to receive the studio&apos;s emails again</source>
        <translation>Le client veut recevoir de nouveau les courriels du studio</translation>
    </message>
    <message>
        <source>No client matches.</source>
        <translation>Aucun client ne correspond.</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Aucune adresse courriel</translation>
    </message>
    <message>
        <source>Unsubscribed on {when}: no commercial email.</source>
        <translation>Désabonné le {when} : aucun courriel commercial.</translation>
    </message>
    <message>
        <source>Agreed to receive the studio&apos;s emails.</source>
        <translation>A accepté de recevoir les courriels du studio.</translation>
    </message>
    <message>
        <source>Did not agree to receive the studio&apos;s emails.</source>
        <translation>N’a pas accepté de recevoir les courriels du studio.</translation>
    </message>
    <message>
        <source>Mark {client} as unsubscribed? They get no more invitations, thank-yous or outreach emails, and those waiting in the outbox are cancelled.</source>
        <translation>Marquer {client} comme désabonné ? Plus aucune invitation, aucun remerciement ni aucune relance ne lui sera envoyé, et ceux qui attendent dans la boîte d’envoi sont annulés.</translation>
    </message>
    <message>
        <source>{client} receives the studio&apos;s emails again.</source>
        <translation>{client} reçoit de nouveau les courriels du studio.</translation>
    </message>
    <message>
        <source>{client} is unsubscribed; {n} waiting email cancelled.</source>
        <translation>{client} est désabonné ; {n} courriel en attente annulé.</translation>
    </message>
    <message>
        <source>{client} is unsubscribed; {n} waiting emails cancelled.</source>
        <translation>{client} est désabonné ; {n} courriels en attente annulés.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface :</translation>
    </message>
    <message>
        <source>Each person chooses the language of the window on their own computer; the studio&apos;s settings are shared. The window shows it as soon as you save or apply.</source>
        <translation>Chaque personne choisit la langue de la fenêtre sur son propre ordinateur ; les paramètres du studio sont partagés. La fenêtre l’affiche dès que vous enregistrez ou appliquez.</translation>
    </message>
    <message>
        <source>Studio name</source>
        <translation>Nom du studio</translation>
    </message>
    <message>
        <source>Language for clients without one</source>
        <translation>Langue des clients qui n’en ont pas</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
</context>
<context>
    <name>GoogleCharts</name>
    <message>
        <source>No Google reviews yet: they appear here after the first sync.</source>
        <translation>Aucun avis Google pour l’instant : ils apparaissent ici après la première synchronisation.</translation>
    </message>
    <message>
        <source>* {month}: in progress (to {day})</source>
        <translation>* {month} : en cours (jusqu’au {day})</translation>
    </message>
    <message>
        <source>Google reviews, cumulative</source>
        <translation>Avis Google, cumul</translation>
    </message>
    <message>
        <source>before the connection</source>
        <translation>avant la connexion</translation>
    </message>
    <message>
        <source>since the connection</source>
        <translation>depuis la connexion</translation>
    </message>
    <message>
        <source>{month}: {total} ({new} new)</source>
        <translation>{month} : {total} ({new} nouveaux)</translation>
    </message>
    <message>
        <source>No rated Google reviews yet.</source>
        <translation>Aucun avis Google noté pour l’instant.</translation>
    </message>
    <message>
        <source>Google ratings</source>
        <translation>Notes Google</translation>
    </message>
    <message>
        <source>{stars}: {reviews}</source>
        <translation>{stars} : {reviews}</translation>
    </message>
</context>
<context>
    <name>GoogleReviewsModel</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>{state} ({violation})</source>
        <translation>{state} ({violation})</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Reply state</source>
        <translation>État de la réponse</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>the Google reviews</source>
        <translation>les avis Google</translation>
    </message>
    <message>
        <source>Original:</source>
        <translation>Original :</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
</context>
<context>
    <name>GoogleSettingsPage</name>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation>Se connecter avec Google…</translation>
    </message>
    <message>
        <source>Choose the studio&apos;s OAuth client file (desktop app); your browser opens</source>
        <translation>Choisissez le fichier de client OAuth de l’entreprise (application de bureau) ; votre navigateur s’ouvre</translation>
    </message>
    <message>
        <source>Use an authorized-user file…</source>
        <translation>Utiliser un fichier d’utilisateur autorisé…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Keep this location</source>
        <translation>Garder cet établissement</translation>
    </message>
    <message>
        <source>Choose the studio&apos;s location</source>
        <translation>Choisissez l’établissement de l’entreprise</translation>
    </message>
    <message>
        <source>empty: Google&apos;s own servers</source>
        <translation>vide : les serveurs de Google</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Synchroniser toutes les</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>API base URL (tests, proxies)</source>
        <translation>URL de base de l’API (tests, mandataires)</translation>
    </message>
    <message>
        <source>Before connecting: in the Google Cloud console, create a project, enable the “Google My Business API”, the “My Business Account Management API” and the “My Business Business Information API”, and create an OAuth client of type “Desktop app”. A quota of 0 means Google has not granted access yet: submit Google&apos;s access request form rather than asking for more quota.</source>
        <translation>Avant de vous connecter : dans la console Google Cloud, créez un projet, activez « Google My Business API », « My Business Account Management API » et « My Business Business Information API », puis créez un client OAuth de type « Application de bureau ». Un quota de 0 signifie que Google n’a pas encore accordé l’accès : remplissez le formulaire de demande d’accès de Google plutôt que de demander plus de quota.</translation>
    </message>
    <message>
        <source>Checking the Google connection…</source>
        <translation>Vérification de la connexion à Google…</translation>
    </message>
    <message>
        <source>The Google connection could not be read: {why}</source>
        <translation>Impossible de lire l’état de la connexion à Google : {why}</translation>
    </message>
    <message>
        <source>Connected to {title} ({name}) since {since}.</source>
        <translation>Connecté à {title} ({name}) depuis le {since}.</translation>
    </message>
    <message>
        <source>Not connected. {count} Google reviews are archived on this computer.</source>
        <translation>Non connecté. {count} avis Google sont archivés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>The studio&apos;s OAuth client file</source>
        <translation>Le fichier de client OAuth de l’entreprise</translation>
    </message>
    <message>
        <source>Sign in with Google in your browser…</source>
        <translation>Connectez-vous à Google dans votre navigateur…</translation>
    </message>
    <message>
        <source>An authorized-user JSON file</source>
        <translation>Un fichier JSON d’utilisateur autorisé</translation>
    </message>
    <message>
        <source>Listing the locations of this sign-in…</source>
        <translation>Recherche des établissements de ce compte…</translation>
    </message>
    <message>
        <source>This Google account manages no Business Profile location.</source>
        <translation>Ce compte Google ne gère aucun établissement Business Profile.</translation>
    </message>
    <message>
        <source>Signed in. Choose the studio&apos;s location and keep it.</source>
        <translation>Connecté. Choisissez l’établissement de l’entreprise et gardez-le.</translation>
    </message>
    <message>
        <source>Connected. The first sync starts now.</source>
        <translation>Connecté. La première synchronisation commence.</translation>
    </message>
    <message>
        <source>Disconnected: the sign-in was removed from the system keyring. The archive of {count} Google reviews stays on this computer.</source>
        <translation>Déconnecté : la connexion a été retirée du trousseau du système. L’archive de {count} avis Google reste sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>GoogleStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this Google sync; nothing is changed</source>
        <translation>Arrêter cette synchronisation Google ; rien n’est modifié</translation>
    </message>
    <message>
        <source>Google: not synced yet</source>
        <translation>Google : pas encore synchronisé</translation>
    </message>
    <message>
        <source>Google: synced {when}</source>
        <translation>Google : synchronisé {when}</translation>
    </message>
    <message>
        <source>Google: syncing…</source>
        <translation>Google : synchronisation…</translation>
    </message>
    <message>
        <source>Google: {done} reviews fetched…</source>
        <translation>Google : {done} avis récupérés…</translation>
    </message>
    <message>
        <source>Google: {message}</source>
        <translation>Google : {message}</translation>
    </message>
    <message>
        <source>Google: sync cancelled; nothing was changed</source>
        <translation>Google : synchronisation annulée ; rien n’a été modifié</translation>
    </message>
</context>
<context>
    <name>GoogleTab</name>
    <message>
        <source>Connect in Settings → Google…</source>
        <translation>Connectez-vous dans Paramètres → Google…</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non associé</translation>
    </message>
    <message>
        <source>Not replied</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Removed from Google</source>
        <translation>Retiré de Google</translation>
    </message>
    <message>
        <source>Search reviewer or comment</source>
        <translation>Chercher un auteur ou un commentaire</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Link to client…</source>
        <translation>Associer à un client…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Reply on Google…</source>
        <translation>Répondre sur Google…</translation>
    </message>
    <message>
        <source>Reply by email…</source>
        <translation>Répondre par courriel…</translation>
    </message>
    <message>
        <source>Mark a client as reviewed…</source>
        <translation>Indiquer qu’un client a laissé un avis…</translation>
    </message>
    <message>
        <source>For a client you know reviewed you on Google: no more invitations for them</source>
        <translation>Pour un client qui vous a laissé un avis sur Google : il ne recevra plus d’invitation</translation>
    </message>
    <message>
        <source>the Google reviews</source>
        <translation>les avis Google</translation>
    </message>
    <message>
        <source>The Google reviews could not be read: {why}</source>
        <translation>Impossible de lire les avis Google : {why}</translation>
    </message>
    <message>
        <source>Google Business Profile is not connected: the reviews below are the archive kept on this computer. Connect to sync new reviews and reply on Google.</source>
        <translation>Google Business Profile n’est pas connecté : les avis ci-dessous sont l’archive conservée sur cet ordinateur. Connectez-vous pour synchroniser les nouveaux avis et répondre sur Google.</translation>
    </message>
    <message>
        <source>Connect the studio&apos;s Google Business Profile to keep its Google reviews here, link them to your clients, reply to them and watch their number grow. You need the studio&apos;s own OAuth client file from the Google Cloud console (see the README).</source>
        <translation>Connectez le profil Google Business de l’entreprise pour conserver ses avis Google ici, les associer à vos clients, y répondre et suivre leur croissance. Il vous faut le fichier de client OAuth de l’entreprise, tiré de la console Google Cloud (voir le README).</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{count} reviews</source>
        <translation>{count} avis</translation>
    </message>
    <message>
        <source>Connect to Google to reply</source>
        <translation>Connectez-vous à Google pour répondre</translation>
    </message>
    <message>
        <source>Select a review to answer its author by email</source>
        <translation>Sélectionnez un avis pour répondre à son auteur par courriel</translation>
    </message>
    <message>
        <source>This review is not linked to a client: link it first (Link to client…) to answer its author by email</source>
        <translation>Cet avis n’est associé à aucun client : associez-le d’abord (Associer à un client…) pour répondre à son auteur par courriel</translation>
    </message>
    <message>
        <source>{client} ({id}), linked to this review, has no email address</source>
        <translation>{client} ({id}), associé à cet avis, n’a pas d’adresse courriel</translation>
    </message>
    <message>
        <source>Email {client} at {email}, in their language</source>
        <translation>Écrire à {client} à l’adresse {email}, dans sa langue</translation>
    </message>
    <message>
        <source>Syncing Google reviews…</source>
        <translation>Synchronisation des avis Google…</translation>
    </message>
    <message>
        <source>Google sync done: {summary}</source>
        <translation>Synchronisation Google terminée : {summary}</translation>
    </message>
    <message>
        <source>New reviews that may be from your clients (select one, then Link):</source>
        <translation>Nouveaux avis qui pourraient venir de vos clients (choisissez-en un, puis Associer) :</translation>
    </message>
    <message>
        <source>The change could not be saved ({why})</source>
        <translation>La modification n’a pas pu être enregistrée ({why})</translation>
    </message>
    <message>
        <source>Review linked to client {client}.</source>
        <translation>Avis associé au client {client}.</translation>
    </message>
    <message>
        <source>Review unlinked from client {client}: they can be invited again.</source>
        <translation>Avis dissocié du client {client} : il pourra de nouveau être invité.</translation>
    </message>
    <message>
        <source>Publishing the reply on Google…</source>
        <translation>Publication de la réponse sur Google…</translation>
    </message>
    <message>
        <source>Reply sent to Google; it shows once Google approves it.</source>
        <translation>Réponse envoyée à Google ; elle paraîtra une fois approuvée par Google.</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>le courriel</translation>
    </message>
    <message>
        <source>Reply by email to a Google review</source>
        <translation>Répondre par courriel à un avis Google</translation>
    </message>
    <message>
        <source>Already emailed on {when} by {who}: {subject} ({state})</source>
        <translation>Déjà envoyé par courriel le {when} par {who} : {subject} ({state})</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>en attente d’envoi</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Email to {client} queued in the outbox: it leaves with the next send.</source>
        <translation>Courriel à {client} placé dans la boîte d’envoi : il part au prochain envoi.</translation>
    </message>
    <message>
        <source>The email could not be prepared ({name}: {detail})</source>
        <translation>Le courriel n’a pas pu être préparé ({name} : {detail})</translation>
    </message>
    <message>
        <source>Mark a client as reviewed on Google</source>
        <translation>Indiquer qu’un client a laissé un avis sur Google</translation>
    </message>
    <message>
        <source>Client {client} is marked as reviewed on Google: no more invitations.</source>
        <translation>Le client {client} est indiqué comme ayant laissé un avis sur Google : plus d’invitations.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a CSV file</source>
        <translation>Importer un fichier CSV</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Coaches</source>
        <translation>Entraîneurs</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Choose a .csv file</source>
        <translation>Choisissez un fichier .csv</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier de nouveau</translation>
    </message>
    <message>
        <source>Read the file again after correcting it</source>
        <translation>Relire le fichier après l’avoir corrigé</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>Le fichier contient :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Choose a CSV file to import</source>
        <translation>Choisissez un fichier CSV à importer</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importation de {file}…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Import stopped; nothing was written.</source>
        <translation>Importation arrêtée ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Visits (sessions and attendance in one file)</source>
        <translation>Visites (séances et présences dans un seul fichier)</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage :</translation>
    </message>
    <message>
        <source>The file could not be read: {why}</source>
        <translation>Le fichier n’a pas pu être lu : {why}</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: {why}</source>
        <translation>L’importation a échoué et rien n’a été écrit : {why}</translation>
    </message>
</context>
<context>
    <name>ImportSettingsPage</name>
    <message>
        <source>No folder: nothing is imported on its own</source>
        <translation>Aucun dossier : rien n’est importé automatiquement</translation>
    </message>
    <message>
        <source>Watch folder</source>
        <translation>Dossier surveillé</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>A CSV file placed in this folder is imported on its own while the window is open (or by feedback-desk import-folder). Its name says what it holds: clients…, coaches…, sessions…, visits…, attendance…, reviews… (or visites…, seances…, presences…, avis…, entraineurs…). Imported files move to imported/, refused ones to failed/ with their problems beside them.</source>
        <translation>Un fichier CSV déposé dans ce dossier est importé automatiquement tant que la fenêtre est ouverte (ou par feedback-desk import-folder). Son nom dit ce qu’il contient : clients…, coaches…, sessions…, visits…, attendance…, reviews… (ou visites…, seances…, presences…, avis…, entraineurs…). Les fichiers importés vont dans imported/, les fichiers refusés dans failed/ avec leurs problèmes à côté.</translation>
    </message>
    <message>
        <source>day/month/year (03/04/2026 is 3 April)</source>
        <translation>jour/mois/année (03/04/2026 est le 3 avril)</translation>
    </message>
    <message>
        <source>month/day/year (03/04/2026 is March 4)</source>
        <translation>mois/jour/année (03/04/2026 est le 4 mars)</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> secondes</translation>
    </message>
    <message>
        <source>A file is imported once it has stayed unchanged this long.</source>
        <translation>Un fichier est importé une fois resté inchangé pendant ce temps.</translation>
    </message>
    <message>
        <source>Watch folder:</source>
        <translation>Dossier surveillé :</translation>
    </message>
    <message>
        <source>Wait before importing a file:</source>
        <translation>Attendre avant d’importer un fichier :</translation>
    </message>
    <message>
        <source>Dates such as 03/04/2026 are:</source>
        <translation>Les dates comme 03/04/2026 sont en :</translation>
    </message>
    <message>
        <source>Choose the watch folder</source>
        <translation>Choisissez le dossier surveillé</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Rows in the file: {count}.</source>
        <translation>Lignes dans le fichier : {count}.</translation>
    </message>
    <message>
        <source>Importing would create {created}, update {updated} and leave {unchanged} unchanged.</source>
        <translation>L’importation créerait {created}, mettrait à jour {updated} et laisserait {unchanged} inchangés.</translation>
    </message>
    <message>
        <source>Imported {file}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} importé : {created} créés, {updated} mis à jour, {unchanged} inchangés.</translation>
    </message>
    <message>
        <source>(Not UTF-8: read as {encoding}.)</source>
        <translation>(Pas en UTF-8 : lu comme {encoding}.)</translation>
    </message>
    <message>
        <source>New sessions: {count}.</source>
        <translation>Nouvelles séances : {count}.</translation>
    </message>
    <message>
        <source>New coaches: {names}.</source>
        <translation>Nouveaux entraîneurs : {names}.</translation>
    </message>
    <message>
        <source>New classes: {names}.</source>
        <translation>Nouveaux cours : {names}.</translation>
    </message>
    <message>
        <source>New aspects awaiting a manager&apos;s approval: {names}.</source>
        <translation>Nouveaux aspects en attente d’approbation par un gestionnaire : {names}.</translation>
    </message>
</context>
<context>
    <name>InboundMessageDialog</name>
    <message>
        <source>Client&apos;s email</source>
        <translation>Courriel du client</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>le courriel</translation>
    </message>
    <message>
        <source>Email not found</source>
        <translation>Courriel introuvable</translation>
    </message>
</context>
<context>
    <name>InboundPanel</name>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Reçu :</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>Répond à :</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <source>Handled:</source>
        <translation>Traité :</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>Marquer comme traité</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Ouvrir le client</translation>
    </message>
    <message>
        <source>Open review</source>
        <translation>Ouvrir l’avis</translation>
    </message>
    <message>
        <source>Close the action…</source>
        <translation>Fermer l’action…</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>by {who} on {when}</source>
        <translation>par {who} le {when}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>the reply</source>
        <translation>la réponse</translation>
    </message>
    <message>
        <source>Preparing the email…</source>
        <translation>Préparation du courriel…</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>le courriel</translation>
    </message>
    <message>
        <source>Reply queued in the outbox.</source>
        <translation>Réponse mise dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>closing the action</source>
        <translation>la fermeture de l’action</translation>
    </message>
    <message>
        <source>Action closed.</source>
        <translation>Action fermée.</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>a review request</source>
        <translation>une demande d’avis</translation>
    </message>
    <message>
        <source>a follow-up</source>
        <translation>un suivi</translation>
    </message>
    <message>
        <source>a reply to their review</source>
        <translation>une réponse à son avis</translation>
    </message>
    <message>
        <source>the non-respondent outreach</source>
        <translation>la relance des non-répondants</translation>
    </message>
    <message>
        <source>a thank-you</source>
        <translation>un remerciement</translation>
    </message>
    <message>
        <source>a Google invitation</source>
        <translation>une invitation Google</translation>
    </message>
    <message>
        <source>a testimonial request</source>
        <translation>une demande de témoignage</translation>
    </message>
    <message>
        <source>another email of the studio</source>
        <translation>un autre courriel du studio</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>This email opened an action to take ({state}).</source>
        <translation>Ce courriel a ouvert une action à mener ({state}).</translation>
    </message>
    <message>
        <source>Logged as a contact of the action of review {review} ({state}).</source>
        <translation>Noté comme contact de l’action de l’avis {review} ({state}).</translation>
    </message>
</context>
<context>
    <name>InboxFeature</name>
    <message>
        <source>&amp;Replies to read…</source>
        <translation>&amp;Réponses à lire…</translation>
    </message>
    <message>
        <source>Clients&apos; emails read from the studio&apos;s mailbox</source>
        <translation>Les courriels des clients lus dans la boîte aux lettres du studio</translation>
    </message>
    <message>
        <source>Reading the mailbox…</source>
        <translation>Lecture de la boîte aux lettres…</translation>
    </message>
    <message>
        <source>Inbox: {n} email could not be read; it stays in the mailbox and is tried again.</source>
        <translation>Boîte de réception : {n} courriel n’a pas pu être lu ; il reste dans la boîte et sera relu.</translation>
    </message>
    <message>
        <source>Inbox: {n} emails could not be read; they stay in the mailbox and are tried again.</source>
        <translation>Boîte de réception : {n} courriels n’ont pas pu être lus ; ils restent dans la boîte et seront relus.</translation>
    </message>
    <message>
        <source>{n} review recorded</source>
        <translation>{n} avis enregistré</translation>
    </message>
    <message>
        <source>{n} reviews recorded</source>
        <translation>{n} avis enregistrés</translation>
    </message>
    <message>
        <source>{n} reply to read</source>
        <translation>{n} réponse à lire</translation>
    </message>
    <message>
        <source>{n} replies to read</source>
        <translation>{n} réponses à lire</translation>
    </message>
    <message>
        <source>Inbox: %1.</source>
        <translation>Boîte de réception : %1.</translation>
    </message>
    <message>
        <source>Inbox: {why}</source>
        <translation>Boîte de réception : {why}</translation>
    </message>
    <message>
        <source>Replies to read</source>
        <translation>Réponses à lire</translation>
    </message>
</context>
<context>
    <name>InboxSettingsPage</name>
    <message>
        <source>SSL/TLS (port 993)</source>
        <translation>SSL/TLS (port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>seulement sur demande</translation>
    </message>
    <message>
        <source>Gmail and Google Workspace: imap.gmail.com, port 993, SSL/TLS, with an app password (2-step verification on). Outlook.com and most Microsoft 365 mailboxes refuse passwords for IMAP: point the answer address at another mailbox.</source>
        <translation>Gmail et Google Workspace : imap.gmail.com, port 993, SSL/TLS, avec un mot de passe d’application (validation en deux étapes activée). Outlook.com et la plupart des boîtes Microsoft 365 refusent les mots de passe en IMAP : faites arriver les réponses dans une autre boîte.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Mailbox server (IMAP)</source>
        <translation>Serveur de la boîte aux lettres (IMAP)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Give up waiting after:</source>
        <translation>Abandonner l’attente après :</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Folder the answers arrive in:</source>
        <translation>Dossier où arrivent les réponses :</translation>
    </message>
    <message>
        <source>Move the studio&apos;s answers to:</source>
        <translation>Déplacer les réponses traitées vers :</translation>
    </message>
    <message>
        <source>While the window is open, check every:</source>
        <translation>Pendant que la fenêtre est ouverte, vérifier toutes les :</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>the mailbox test</source>
        <translation>le test de la boîte aux lettres</translation>
    </message>
</context>
<context>
    <name>InboxStatusWidget</name>
    <message>
        <source>Open the replies to read</source>
        <translation>Ouvrir les réponses à lire</translation>
    </message>
    <message numerus="yes">
        <source>Replies to read: %n</source>
        <translation>
            <numerusform>Réponses à lire : %n</numerusform>
            <numerusform>Réponses à lire : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvitationsPage</name>
    <message>
        <source>After two 5-star reviews in a row</source>
        <translation>Après deux avis de 5 étoiles de suite</translation>
    </message>
    <message>
        <source>After N attended sessions</source>
        <translation>Après N séances suivies</translation>
    </message>
    <message>
        <source>Google&apos;s review policy forbids asking only satisfied customers for reviews (“review gating”). The “two 5-star reviews in a row” mode does exactly that: Google may remove reviews it finds were solicited this way. “After N sessions” asks every regular client, whatever they think.</source>
        <translation>Le règlement de Google interdit de ne solliciter des avis qu’auprès des clients satisfaits (« review gating »). Le mode « deux avis de 5 étoiles de suite » fait exactement cela : Google peut retirer les avis qu’il juge sollicités ainsi. « Après N séances » invite chaque client régulier, quoi qu’il pense.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Google review link:</source>
        <translation>Lien d’avis Google :</translation>
    </message>
    <message>
        <source>Invite:</source>
        <translation>Inviter :</translation>
    </message>
    <message>
        <source>Sessions before an invitation:</source>
        <translation>Séances avant une invitation :</translation>
    </message>
    <message>
        <source>Invite again after:</source>
        <translation>Inviter de nouveau après :</translation>
    </message>
    <message>
        <source>Send at:</source>
        <translation>Envoyer à :</translation>
    </message>
    <message>
        <source>Drop an invitation not sent within:</source>
        <translation>Abandonner une invitation non envoyée après :</translation>
    </message>
    <message>
        <source>No review link: no invitation is sent until one is set.</source>
        <translation>Aucun lien d’avis : aucune invitation n’est envoyée tant qu’il n’y en a pas.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite to recommend</source>
        <translation>Inviter à recommander</translation>
    </message>
    <message>
        <source>Invite to recommend the studio</source>
        <translation>Inviter à recommander le studio</translation>
    </message>
    <message>
        <source>Part of a name or member id</source>
        <translation>Partie d&apos;un nom ou numéro de membre</translation>
    </message>
    <message>
        <source>Only promoters (5 stars in the last 3 months)</source>
        <translation>Seulement les promoteurs (5 étoiles dans les 3 derniers mois)</translation>
    </message>
    <message>
        <source>Only clients who can receive the email</source>
        <translation>Seulement les clients qui peuvent recevoir le courriel</translation>
    </message>
    <message>
        <source>Each client gets their own invitation: by email when they agreed to receive the studio&apos;s emails, and at the kiosk at their next visit. It can be answered for {days} days.</source>
        <translation>Chaque client reçoit sa propre invitation : par courriel s&apos;il a accepté de recevoir les courriels du studio, et à la borne à sa prochaine visite. Il peut y répondre pendant {days} jours.</translation>
    </message>
    <message>
        <source>the clients to invite</source>
        <translation>les clients à inviter</translation>
    </message>
    <message>
        <source> (the first {n} are listed)</source>
        <translation> (les {n} premiers sont listés)</translation>
    </message>
    <message>
        <source>{n} client; {m} can be invited.</source>
        <translation>{n} client ; invitables : {m}.</translation>
    </message>
    <message>
        <source>{n} clients; {m} can be invited.</source>
        <translation>{n} clients ; invitables : {m}.</translation>
    </message>
    <message>
        <source>Invite {n} client</source>
        <translation>Inviter {n} client</translation>
    </message>
    <message>
        <source>Invite {n} clients</source>
        <translation>Inviter {n} clients</translation>
    </message>
    <message>
        <source>Invite {n} client to recommend the studio?</source>
        <translation>Inviter {n} client à recommander le studio ?</translation>
    </message>
    <message>
        <source>Invite {n} clients to recommend the studio?</source>
        <translation>Inviter {n} clients à recommander le studio ?</translation>
    </message>
    <message>
        <source>{n} client invited</source>
        <translation>{n} client invité</translation>
    </message>
    <message>
        <source>{n} clients invited</source>
        <translation>{n} clients invités</translation>
    </message>
    <message>
        <source>the invitations</source>
        <translation>les invitations</translation>
    </message>
    <message numerus="yes">
        <source>, %n by email.</source>
        <translation>
            <numerusform>, %n par courriel.</numerusform>
            <numerusform>, %n par courriel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyringPassword</name>
    <message>
        <source>No system keyring can keep this password: no usable system keyring was found (%1). Install and unlock one (Windows Credential Manager and the macOS Keychain work as they are; on Linux, GNOME Keyring or KWallet through the Secret Service), or point PYTHON_KEYRING_BACKEND at a keyring backend.</source>
        <translation>Aucun trousseau du système ne peut garder ce mot de passe : aucun trousseau utilisable n’a été trouvé (%1). Installez-en un et déverrouillez-le (le Gestionnaire d’identification de Windows et le Trousseau de macOS fonctionnent tels quels ; sous Linux, GNOME Keyring ou KWallet par le Secret Service), ou indiquez un trousseau avec PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>le trousseau du système</translation>
    </message>
    <message>
        <source>(kept in the system keyring)</source>
        <translation>(gardé dans le trousseau du système)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>KioskSettingsPage</name>
    <message>
        <source>What the kiosk asks</source>
        <translation>Ce que demande la borne</translation>
    </message>
    <message>
        <source>Kiosk screen</source>
        <translation>Écran de la borne</translation>
    </message>
    <message>
        <source>New staff PIN</source>
        <translation>Nouveau NIP du personnel</translation>
    </message>
    <message>
        <source>New staff PIN, again</source>
        <translation>Nouveau NIP du personnel, une seconde fois</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Supprimer le NIP</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>NIP du personnel</translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits):</source>
        <translation>Nouveau NIP (4 à 12 chiffres) :</translation>
    </message>
    <message>
        <source>New PIN again:</source>
        <translation>Nouveau NIP, encore :</translation>
    </message>
    <message>
        <source>In the questions, {studio} is replaced by the studio&apos;s name.</source>
        <translation>Dans les questions, {studio} est remplacé par le nom du studio.</translation>
    </message>
    <message>
        <source>Collect reviews</source>
        <translation>Recueillir des avis</translation>
    </message>
    <message>
        <source>Ask for class reviews</source>
        <translation>Demander des avis sur les cours</translation>
    </message>
    <message>
        <source>Ask for business reviews</source>
        <translation>Demander des avis sur le studio</translation>
    </message>
    <message>
        <source>Months between business reviews</source>
        <translation>Mois entre deux avis sur le studio</translation>
    </message>
    <message>
        <source>Business question (French)</source>
        <translation>Question sur le studio (français)</translation>
    </message>
    <message>
        <source>Business question (English)</source>
        <translation>Question sur le studio (anglais)</translation>
    </message>
    <message>
        <source>Also ask the 0-10 question (would you recommend…)</source>
        <translation>Poser aussi la question de 0 à 10 (recommanderiez-vous…)</translation>
    </message>
    <message>
        <source>Back to the welcome screen after (seconds)</source>
        <translation>Retour à l’écran d’accueil après (secondes)</translation>
    </message>
    <message>
        <source>The PIN is removed when you save: anyone can then leave kiosk mode.</source>
        <translation>Le NIP sera supprimé à l’enregistrement : n’importe qui pourra alors quitter le mode borne.</translation>
    </message>
    <message>
        <source>PIN set. Type a new one below to change it.</source>
        <translation>NIP défini. Tapez-en un nouveau ci-dessous pour le changer.</translation>
    </message>
    <message>
        <source>No PIN: anyone can leave kiosk mode.</source>
        <translation>Aucun NIP : n’importe qui peut quitter le mode borne.</translation>
    </message>
    <message>
        <source>The two PINs are not the same: type the new PIN twice.</source>
        <translation>Les deux NIP diffèrent : tapez deux fois le nouveau NIP.</translation>
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
    <message>
        <source>the staff PIN</source>
        <translation>le NIP du personnel</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Feedback Desk is already open on this store: its window was brought forward.</source>
        <translation>Feedback Desk est déjà ouvert sur cette base : sa fenêtre a été mise au premier plan.</translation>
    </message>
</context>
<context>
    <name>LinkClientDialog</name>
    <message>
        <source>name {percent}% alike</source>
        <translation>nom semblable à {percent} %</translation>
    </message>
    <message>
        <source>invited to review {days} days before</source>
        <translation>invité à donner son avis {days} jours avant</translation>
    </message>
    <message>
        <source>attended {count} sessions in the 30 days before (last {days} days before)</source>
        <translation>a assisté à {count} séances dans les 30 jours précédents (la dernière {days} jours avant)</translation>
    </message>
    <message>
        <source>Search a client by name or id</source>
        <translation>Chercher un client par nom ou numéro</translation>
    </message>
    <message>
        <source>the clients</source>
        <translation>les clients</translation>
    </message>
    <message>
        <source>No client matches.</source>
        <translation>Aucun client ne correspond.</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <translation>La recherche a échoué : {error}</translation>
    </message>
    <message>
        <source>Link a Google review to a client</source>
        <translation>Associer un avis Google à un client</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Looking for likely clients…</source>
        <translation>Recherche des clients probables…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Associer</translation>
    </message>
    <message>
        <source>Or search:</source>
        <translation>Ou chercher :</translation>
    </message>
    <message>
        <source>the likely clients</source>
        <translation>les clients probables</translation>
    </message>
    <message>
        <source>No likely client: search below.</source>
        <translation>Aucun client probable : cherchez ci-dessous.</translation>
    </message>
    <message>
        <source>Likely clients, best first:</source>
        <translation>Clients probables, du plus au moins probable :</translation>
    </message>
    <message>
        <source>Suggestions could not be computed: {error}</source>
        <translation>Les suggestions n’ont pas pu être calculées : {error}</translation>
    </message>
</context>
<context>
    <name>LiveStoreFeature</name>
    <message>
        <source>This is the studio&apos;s live store…</source>
        <translation>C&apos;est la base en service du studio…</translation>
    </message>
    <message>
        <source>whether this is the live store</source>
        <translation>si c&apos;est la base en service</translation>
    </message>
    <message>
        <source>This store is a copy of the studio&apos;s live store ({live_at}): it sends no email and does not sync Google.</source>
        <translation>Cette base est une copie de la base en service du studio ({live_at}) : elle n&apos;envoie aucun courriel et ne se synchronise pas avec Google.</translation>
    </message>
    <message>
        <source>The studio&apos;s live store</source>
        <translation>La base en service du studio</translation>
    </message>
    <message>
        <source>Make this store the studio&apos;s live store? From now on it sends the studio&apos;s email and syncs Google, and {live_at} becomes a copy. Do this when the store was moved or restored from a backup, not for a test copy.</source>
        <translation>Faire de cette base la base en service du studio ? Elle enverra désormais les courriels du studio et se synchronisera avec Google, et {live_at} deviendra une copie. À faire quand la base a été déplacée ou restaurée d&apos;une sauvegarde, pas pour une copie de test.</translation>
    </message>
    <message>
        <source>making this the live store</source>
        <translation>la mise en service de cette base</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Feedback Desk stores (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Bases Feedback Desk (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New store…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir une base &amp;récente</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <source>&amp;Kiosk mode</source>
        <translation>Mode &amp;borne</translation>
    </message>
    <message>
        <source>Clients rate their class on this screen</source>
        <translation>Les clients évaluent leur cours sur cet écran</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Feedback Desk</source>
        <translation>À &amp;propos de Feedback Desk</translation>
    </message>
    <message>
        <source>My studio</source>
        <translation>Mon studio</translation>
    </message>
    <message>
        <source>Feedback Desk — {studio}</source>
        <translation>Feedback Desk — {studio}</translation>
    </message>
    <message>
        <source>Feedback Desk</source>
        <translation>Feedback Desk</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Open a store</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>Create a store</source>
        <translation>Créer une base</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Création de {name}…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Déjà ouverte</translation>
    </message>
    <message>
        <source>{where} is open in another Feedback Desk window; that window was brought forward.</source>
        <translation>{where} est ouverte dans une autre fenêtre de Feedback Desk ; cette fenêtre a été mise au premier plan.</translation>
    </message>
    <message>
        <source>Opened {where}</source>
        <translation>{where} ouverte</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>Impossible d’ouvrir la base</translation>
    </message>
    <message>
        <source>{where} could not be opened: {why}</source>
        <translation>{where} n’a pas pu être ouverte : {why}</translation>
    </message>
    <message>
        <source>No recent stores</source>
        <translation>Aucune base récente</translation>
    </message>
    <message>
        <source>Store not found</source>
        <translation>Base introuvable</translation>
    </message>
    <message>
        <source>{where} no longer exists; it was removed from the recent stores.</source>
        <translation>{where} n’existe plus ; elle a été retirée des bases récentes.</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Exportation de {name}…</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Exporté : {path}</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Business reviews</source>
        <translation>Avis sur l’entreprise</translation>
    </message>
    <message>
        <source>Class reviews</source>
        <translation>Avis sur les cours</translation>
    </message>
    <message>
        <source>Google reviews</source>
        <translation>Avis Google</translation>
    </message>
    <message>
        <source>Export &amp;testimonials…</source>
        <translation>Exporter les &amp;témoignages…</translation>
    </message>
    <message>
        <source>Testimonials</source>
        <translation>Témoignages</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <source>Undo my choices</source>
        <translation>Annuler mes choix</translation>
    </message>
    <message>
        <source>Go back to the columns as recognised</source>
        <translation>Revenir aux colonnes telles que reconnues</translation>
    </message>
    <message>
        <source>Warnings (the import can go ahead):</source>
        <translation>Avertissements (l’importation peut se faire) :</translation>
    </message>
    <message>
        <source>{n} problem: choose the columns or the dates above, or correct the file and press Check again. Nothing is imported while any row is invalid.</source>
        <translation>{n} problème : choisissez les colonnes ou les dates ci-dessus, ou corrigez le fichier et appuyez sur Vérifier de nouveau. Rien n’est importé tant qu’une ligne est invalide.</translation>
    </message>
    <message>
        <source>{n} problems: choose the columns or the dates above, or correct the file and press Check again. Nothing is imported while any row is invalid.</source>
        <translation>{n} problèmes : choisissez les colonnes ou les dates ci-dessus, ou corrigez le fichier et appuyez sur Vérifier de nouveau. Rien n’est importé tant qu’une ligne est invalide.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>No problems in the first rows; checking the whole file…</source>
        <translation>Aucun problème dans les premières lignes ; vérification du fichier entier…</translation>
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
    <name>MessageDialog</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Reading the message…</source>
        <translation>Lecture du message…</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates :</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Dernière erreur :</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>le message</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 tentative</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>Mis en file le %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Envoyé le %1</translation>
    </message>
    <message>
        <source>Next try %1</source>
        <translation>Prochain essai le %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>The message could not be read: {why}</source>
        <translation>Impossible de lire le message : {why}</translation>
    </message>
</context>
<context>
    <name>NonRespondentsView</name>
    <message>
        <source>Queue the outreach email for the checked clients</source>
        <translation>Mettre en file d’attente le courriel de relance pour les clients cochés</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>the non-respondents</source>
        <translation>les clients sans réponse</translation>
    </message>
    <message>
        <source>Clients shown %1 or more prompts in the last %2 days who answered none: %3.</source>
        <translation>Clients sollicités %1 fois ou plus ces %2 derniers jours sans jamais répondre : %3.</translation>
    </message>
    <message>
        <source>the outreach emails</source>
        <translation>les courriels de relance</translation>
    </message>
</context>
<context>
    <name>OfferStep</name>
    <message>
        <source>Would you recommend %1?</source>
        <translation>Recommanderiez-vous %1 ?</translation>
    </message>
    <message>
        <source>Your words, shown with your agreement, help others choose. It takes less than 3 minutes.</source>
        <translation>Vos mots, affichés avec votre accord, aident d&apos;autres personnes à choisir. Cela prend moins de 3 minutes.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Google invitation</source>
        <translation>Invitation Google</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Remerciement</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Review request</source>
        <translation>Demande d’avis</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incertain</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>OutboxFeature</name>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Boîte d’envoi…</translation>
    </message>
    <message>
        <source>Emails waiting, sent and failed</source>
        <translation>Courriels en attente, envoyés et en échec</translation>
    </message>
    <message>
        <source>Outbox: {why}</source>
        <translation>Boîte d’envoi : {why}</translation>
    </message>
    <message>
        <source>Outbox: {why}; the emails stay queued.</source>
        <translation>Boîte d’envoi : {why} ; les courriels restent en file d’attente.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>Outbox: {n} email sent.</source>
        <translation>Boîte d’envoi : {n} courriel envoyé.</translation>
    </message>
    <message>
        <source>Outbox: {n} emails sent.</source>
        <translation>Boîte d’envoi : {n} courriels envoyés.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>Mis en file</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Sent or next try</source>
        <translation>Envoyé ou prochain essai</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>the outbox</source>
        <translation>la boîte d’envoi</translation>
    </message>
</context>
<context>
    <name>OutboxStatusWidget</name>
    <message>
        <source>Email is not set up: messages wait in the outbox.</source>
        <translation>Le courriel n’est pas configuré : les messages attendent dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Set up email…</source>
        <translation>Configurer le courriel…</translation>
    </message>
    <message>
        <source>Open the outbox</source>
        <translation>Ouvrir la boîte d’envoi</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain</source>
        <translation>
            <numerusform>%n incertain</numerusform>
            <numerusform>%n incertains</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Boîte d’envoi : %1</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>La boîte d’envoi est vide.</translation>
    </message>
    <message>
        <source>Needs attention (failed, uncertain)</source>
        <translation>À traiter (échecs, incertains)</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Rien à traiter.</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Rien n’attend d’être envoyé.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>No message has been sent yet.</source>
        <translation>Aucun message n’a encore été envoyé.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>No message was cancelled.</source>
        <translation>Aucun message n’a été annulé.</translation>
    </message>
    <message>
        <source>Email is not set up: messages wait in the outbox.</source>
        <translation>Le courriel n’est pas configuré : les messages attendent dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Set up email…</source>
        <translation>Configurer le courriel…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Annuler le message</translation>
    </message>
    <message>
        <source>It arrived: mark sent</source>
        <translation>Il est arrivé : marquer envoyé</translation>
    </message>
    <message>
        <source>It did not arrive: send again</source>
        <translation>Il n’est pas arrivé : renvoyer</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>The outbox could not be read: {why}</source>
        <translation>La boîte d’envoi n’a pas pu être lue : {why}</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>le message</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>{class_name} with {coach}</source>
        <translation>{class_name} avec {coach}</translation>
    </message>
    <message>
        <source>usual {usual} over {count} reviews → now {recent} ({n} recent)</source>
        <translation>habituellement {usual} sur {count} avis → maintenant {recent} ({n} récents)</translation>
    </message>
    <message>
        <source>Recent reviews:</source>
        <translation>Avis récents :</translation>
    </message>
    <message>
        <source>✉  {client} · replied to the outreach · {when}</source>
        <translation>✉  {client} · a répondu à la relance · {when}</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>actions to take</source>
        <translation>actions à faire</translation>
    </message>
    <message>
        <source>reviewed better after an action</source>
        <translation>avis meilleur après une action</translation>
    </message>
    <message>
        <source>Actions to take</source>
        <translation>Actions à faire</translation>
    </message>
    <message>
        <source>Nothing to do: no review of 3 stars or fewer is open.</source>
        <translation>Rien à faire : aucun avis de 3 étoiles ou moins n’est ouvert.</translation>
    </message>
    <message>
        <source>Client satisfaction trend</source>
        <translation>Tendance de satisfaction des clients</translation>
    </message>
    <message>
        <source>No client&apos;s satisfaction is dropping.</source>
        <translation>La satisfaction d’aucun client ne baisse.</translation>
    </message>
    <message>
        <source>Coach satisfaction trend</source>
        <translation>Tendance de satisfaction des entraîneurs</translation>
    </message>
    <message>
        <source>No coach&apos;s satisfaction is dropping.</source>
        <translation>La satisfaction d’aucun entraîneur ne baisse.</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Aucun avis pour l’instant.</translation>
    </message>
    <message>
        <source>Most recent reviews</source>
        <translation>Avis les plus récents</translation>
    </message>
    <message>
        <source>This store is empty. Bring in the studio&apos;s clients, coaches, sessions, attendance and past reviews with File → Import… (CSV files from your booking system), then reviews arrive through the kiosk (Tools → Kiosk mode) and Clients → Add review…. To see what Feedback Desk does first, open the demo studio: feedback-desk --demo.</source>
        <translation>Cette base est vide. Importez les clients, entraîneurs, séances, présences et avis passés du studio avec Fichier → Importer… (fichiers CSV de votre logiciel de réservation) ; les avis arrivent ensuite par la borne (Outils → Mode borne) et Clients → Ajouter un avis…. Pour voir d&apos;abord ce que fait Feedback Desk, ouvrez le studio de démonstration : feedback-desk --demo.</translation>
    </message>
    <message>
        <source>Close older…</source>
        <translation>Fermer les plus anciennes…</translation>
    </message>
    <message>
        <source>See all</source>
        <translation>Tout voir</translation>
    </message>
    <message>
        <source>Close every open action of a review dated before a day (imported history)</source>
        <translation>Fermer toute action ouverte d’un avis daté d’avant un jour (historique importé)</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <source>{improved} of the {judged} clients who reviewed again after their action was closed gave more stars ({closed} actions closed)</source>
        <translation>{improved} des {judged} clients qui ont laissé un nouvel avis après la fermeture de leur action ont donné plus d’étoiles ({closed} actions fermées)</translation>
    </message>
    <message>
        <source>The overview could not be read: {error}</source>
        <translation>L’aperçu n’a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>Business reviews per month</source>
        <translation>Avis sur l’entreprise par mois</translation>
    </message>
    <message>
        <source>Net Promoter Score (0-10) this month</source>
        <translation>Net Promoter Score (0-10) ce mois-ci</translation>
    </message>
    <message>
        <source>Response rate by channel this month</source>
        <translation>Taux de réponse par canal ce mois-ci</translation>
    </message>
    <message>
        <source>Promoters, passives and detractors per month</source>
        <translation>Promoteurs, passifs et détracteurs par mois</translation>
    </message>
    <message>
        <source>reviews, last 30 days</source>
        <translation>avis, 30 derniers jours</translation>
    </message>
    <message>
        <source>average, last 30 days</source>
        <translation>moyenne, 30 derniers jours</translation>
    </message>
    <message>
        <source>NPS, last 30 days</source>
        <translation>NPS, 30 derniers jours</translation>
    </message>
    <message>
        <source>response rate, last 30 days</source>
        <translation>taux de réponse, 30 derniers jours</translation>
    </message>
    <message>
        <source>nothing to compare with in the 30 days before</source>
        <translation>rien à comparer dans les 30 jours précédents</translation>
    </message>
    <message>
        <source>= same as the 30 days before</source>
        <translation>= comme les 30 jours précédents</translation>
    </message>
    <message>
        <source>{arrow} {amount} points vs the 30 days before</source>
        <translation>{arrow} {amount} points par rapport aux 30 jours précédents</translation>
    </message>
    <message>
        <source>{arrow} {amount} vs the 30 days before</source>
        <translation>{arrow} {amount} par rapport aux 30 jours précédents</translation>
    </message>
    <message>
        <source>{nps} ({segments})</source>
        <translation>{nps} ({segments})</translation>
    </message>
    <message>
        <source>{rate} ({answered} of {shown} prompts answered)</source>
        <translation>{rate} ({answered} réponses sur {shown} demandes)</translation>
    </message>
    <message>
        <source>{first} – {last}, against {before_first} – {before_last}</source>
        <translation>{first} – {last}, comparé au {before_first} – {before_last}</translation>
    </message>
    <message>
        <source>{span}
last 30 days: {now}
the 30 days before: {before}</source>
        <translation>{span}
30 derniers jours : {now}
30 jours précédents : {before}</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>3 derniers mois</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
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
        <source>No staff PIN is set, so anyone can leave kiosk mode. Set one in Settings → Kiosk.</source>
        <translation>Aucun NIP du personnel n’est défini : n’importe qui peut quitter le mode borne. Définissez-en un dans Paramètres → Borne.</translation>
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
    <name>PresetChooser</name>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Enregistrer comme préréglage…</translation>
    </message>
    <message>
        <source>The presets could not be listed: {why}</source>
        <translation>Les préréglages n’ont pas pu être listés : {why}</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>(aucun préréglage)</translation>
    </message>
    <message>
        <source>{name} (built in)</source>
        <translation>{name} (intégré)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Enregistrer comme préréglage</translation>
    </message>
    <message>
        <source>Name of the preset (the same name for another kind of file adds it):</source>
        <translation>Nom du préréglage (le même nom pour une autre sorte de fichier l’y ajoute) :</translation>
    </message>
    <message>
        <source>A preset&apos;s name has 1 to {count} characters, letters or digits among them.</source>
        <translation>Le nom d’un préréglage a de 1 à {count} caractères, dont des lettres ou des chiffres.</translation>
    </message>
    <message>
        <source>{name} is a built-in preset&apos;s name; choose another name.</source>
        <translation>{name} est le nom d’un préréglage intégré ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Saved as the preset {name}.</source>
        <translation>Enregistré comme préréglage {name}.</translation>
    </message>
    <message>
        <source>Replace the preset?</source>
        <translation>Remplacer le préréglage ?</translation>
    </message>
    <message>
        <source>The preset {name} already has a mapping for these files. Replace it?</source>
        <translation>Le préréglage {name} a déjà une correspondance pour ces fichiers. La remplacer ?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>The preset could not be saved: {why}</source>
        <translation>Le préréglage n’a pas pu être enregistré : {why}</translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <source>the file does not exist</source>
        <translation>le fichier n’existe pas</translation>
    </message>
    <message>
        <source>this is a folder, not a CSV file</source>
        <translation>c’est un dossier, pas un fichier CSV</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>le fichier ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <source>this is not a CSV text file but {what}; {fix}</source>
        <translation>ce n’est pas un fichier texte CSV mais {what} ; {fix}</translation>
    </message>
    <message>
        <source>this is not a CSV text file (it holds binary data); {fix}</source>
        <translation>ce n’est pas un fichier texte CSV (il contient des données binaires) ; {fix}</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor Windows-1252 (byte 0x{byte} cannot be read); {fix}</source>
        <translation>le texte n’est ni en UTF-8 ni en Windows-1252 (l’octet 0x{byte} ne peut pas être lu) ; {fix}</translation>
    </message>
    <message>
        <source>the file mixes two encodings: line {utf8_line} is UTF-8 text but this line is not; {fix}</source>
        <translation>le fichier mélange deux encodages : la ligne {utf8_line} est du texte UTF-8 mais pas cette ligne ; {fix}</translation>
    </message>
    <message>
        <source>a quoted value starting on this line is never closed (its closing &quot; is missing), so the rest of the file cannot be read</source>
        <translation>une valeur entre guillemets commencée sur cette ligne n’est jamais fermée (il manque son &quot; fermant) : le reste du fichier ne peut pas être lu</translation>
    </message>
    <message>
        <source>a quoted value is followed by other characters before the next separator; a &quot; inside a quoted value is written &quot;&quot;</source>
        <translation>une valeur entre guillemets est suivie d’autres caractères avant le séparateur suivant ; un &quot; dans une valeur entre guillemets s’écrit &quot;&quot;</translation>
    </message>
    <message>
        <source>this line cannot be read as CSV ({error})</source>
        <translation>cette ligne ne peut pas être lue comme du CSV ({error})</translation>
    </message>
    <message>
        <source>the file is empty; its first row must be the header: {columns}</source>
        <translation>le fichier est vide ; sa première ligne doit être l’en-tête : {columns}</translation>
    </message>
    <message>
        <source>a second {kind} file in the same import</source>
        <translation>un deuxième fichier {kind} dans la même importation</translation>
    </message>
    <message>
        <source>the file changed while it was being imported; nothing was written: import it again once it is complete</source>
        <translation>le fichier a changé pendant son importation ; rien n’a été écrit : importez-le de nouveau une fois complet</translation>
    </message>
    <message>
        <source>{more} more problems are not listed (the first {listed} are)</source>
        <translation>{more} autres problèmes ne sont pas listés (les {listed} premiers le sont)</translation>
    </message>
    <message>
        <source>the file&apos;s name does not say what it holds: it must start with one of {prefixes}</source>
        <translation>le nom du fichier ne dit pas ce qu’il contient : il doit commencer par l’un de {prefixes}</translation>
    </message>
    <message>
        <source>column {field!q} appears twice</source>
        <translation>la colonne {field!q} apparaît deux fois</translation>
    </message>
    <message>
        <source>columns {first!q} and {second!q} both give {field}: choose &quot;ignore&quot; for the one not to use</source>
        <translation>les colonnes {first!q} et {second!q} donnent toutes deux {field} : choisissez « ignorer » pour celle à ne pas utiliser</translation>
    </message>
    <message>
        <source>no column gives {field!q}, which is required: {choose_column}</source>
        <translation>aucune colonne ne donne {field!q}, qui est obligatoire : {choose_column}</translation>
    </message>
    <message>
        <source>no column gives {first!q} or {second!q}; one of them is required: {choose_column}</source>
        <translation>aucune colonne ne donne {first!q} ni {second!q} ; l’un des deux est obligatoire : {choose_column}</translation>
    </message>
    <message>
        <source>no column gives {field!q} (or {date!q} and {time!q}), which is required: {choose_column}</source>
        <translation>aucune colonne ne donne {field!q} (ou {date!q} et {time!q}), qui est obligatoire : {choose_column}</translation>
    </message>
    <message>
        <source>the mapping names column {header!q}, which the file does not have</source>
        <translation>la correspondance nomme la colonne {header!q}, que le fichier n’a pas</translation>
    </message>
    <message>
        <source>the mapping cannot be read: {error}</source>
        <translation>la correspondance ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>in the mapping, {key}: {expected}</source>
        <translation>dans la correspondance, {key} : {expected}</translation>
    </message>
    <message>
        <source>the mapping has an unknown key {key!q} (keys: {keys})</source>
        <translation>la correspondance a une clé inconnue {key!q} (clés : {keys})</translation>
    </message>
    <message>
        <source>the mapping sends {header!q} to {field!q}, but {kind} files have no such field (fields: {fields})</source>
        <translation>la correspondance envoie {header!q} vers {field!q}, mais les fichiers {kind} n’ont pas ce champ (champs : {fields})</translation>
    </message>
    <message>
        <source>the mapping&apos;s {key} {format!q} is not a date or time format ({error})</source>
        <translation>{key} {format!q} de la correspondance n’est pas un format de date ou d’heure ({error})</translation>
    </message>
    <message>
        <source>the mapping&apos;s values for {field}: {value!q} → {meaning!q} must say yes or no</source>
        <translation>les valeurs de la correspondance pour {field} : {value!q} → {meaning!q} doit dire oui ou non</translation>
    </message>
    <message>
        <source>there is no preset named {name!q} (presets: {names})</source>
        <translation>aucun préréglage ne s’appelle {name!q} (préréglages : {names})</translation>
    </message>
    <message>
        <source>the preset {name!q} is for {kinds} files, not {kind}</source>
        <translation>le préréglage {name!q} est pour les fichiers {kinds}, pas {kind}</translation>
    </message>
    <message>
        <source>this line has {count} values but the header has {width} columns (a value holding {delimiter!q} must be between double quotes)</source>
        <translation>cette ligne a {count} valeurs mais l’en-tête a {width} colonnes (une valeur contenant {delimiter!q} doit être entre guillemets droits)</translation>
    </message>
    <message>
        <source>this line has {count} values but the header has {width} columns</source>
        <translation>cette ligne a {count} valeurs mais l’en-tête a {width} colonnes</translation>
    </message>
    <message>
        <source>the id {id!q} appears twice: already on line {first_line}</source>
        <translation>l’identifiant {id!q} apparaît deux fois : déjà à la ligne {first_line}</translation>
    </message>
    <message>
        <source>client {client!q} appears twice in session {session!q}: already on line {first_line}</source>
        <translation>le client {client!q} apparaît deux fois dans la séance {session!q} : déjà à la ligne {first_line}</translation>
    </message>
    <message>
        <source>client {client!q} appears twice in {class_name!q} on {starts_at} with {coach!q}: already on line {first_line}</source>
        <translation>le client {client!q} apparaît deux fois dans {class_name!q} le {starts_at} avec {coach!q} : déjà à la ligne {first_line}</translation>
    </message>
    <message>
        <source>{field}: {id!q} is in neither the store nor this import</source>
        <translation>{field} : {id!q} n’est ni dans la base ni dans cette importation</translation>
    </message>
    <message>
        <source>{field} is empty; it is required</source>
        <translation>{field} est vide ; ce champ est obligatoire</translation>
    </message>
    <message>
        <source>{field} is {length} characters long; at most {limit} are allowed</source>
        <translation>{field} a {length} caractères ; {limit} au plus sont permis</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not yes/no, oui/non, true/false or 1/0</source>
        <translation>{field} : {value!q} n’est pas oui/non, yes/no, true/false ni 1/0</translation>
    </message>
    <message>
        <source>{field} is empty; it is required (yes/no, oui/non, true/false or 1/0)</source>
        <translation>{field} est vide ; ce champ est obligatoire (oui/non, yes/no, true/false ou 1/0)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is neither yes/no nor a status word ({words})</source>
        <translation>{field} : {value!q} n’est ni oui/non ni un mot de statut ({words})</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a date and time (e.g. 2026-03-14T18:00 or 14/03/2026 18:00)</source>
        <translation>{field} : {value!q} n’est pas une date et heure (p. ex. 2026-03-14T18:00 ou 14/03/2026 18:00)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a date (e.g. 2026-03-14 or 14/03/2026)</source>
        <translation>{field} : {value!q} n’est pas une date (p. ex. 2026-03-14 ou 14/03/2026)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a time of day (e.g. 18:00 or 6:00 PM)</source>
        <translation>{field} : {value!q} n’est pas une heure (p. ex. 18:00 ou 18 h 00)</translation>
    </message>
    <message>
        <source>{field}: {value!q} has no time of day (e.g. 2026-03-14T18:00)</source>
        <translation>{field} : {value!q} n’a pas d’heure (p. ex. 2026-03-14T18:00)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a valid {order} date, but it is one as {other}: choose {other} for this file&apos;s dates</source>
        <translation>{field} : {value!q} n’est pas une date valide en {order}, mais l’est en {other} : choisissez {other} pour les dates de ce fichier</translation>
    </message>
    <message>
        <source>{field}: {value!q} has a two-digit year; the year must have four digits</source>
        <translation>{field} : {value!q} a une année à deux chiffres ; l’année doit avoir quatre chiffres</translation>
    </message>
    <message>
        <source>{field}: {value!q} does not match the mapping&apos;s format {format!q}</source>
        <translation>{field} : {value!q} ne correspond pas au format {format!q} de la correspondance</translation>
    </message>
    <message>
        <source>{field}: {value!q} is before 1900 (a typo in the year?)</source>
        <translation>{field} : {value!q} est avant 1900 (une faute de frappe dans l’année ?)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is more than a year after today ({today})</source>
        <translation>{field} : {value!q} est plus d’un an après aujourd’hui ({today})</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not an email address</source>
        <translation>{field} : {value!q} n’est pas une adresse courriel</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a language (fr or en)</source>
        <translation>{field} : {value!q} n’est pas une langue (fr ou en)</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not a whole number {span}</source>
        <translation>{field} : {value!q} n’est pas un nombre entier {span}</translation>
    </message>
    <message>
        <source>{field}: {value!q} is not one of {choices}</source>
        <translation>{field} : {value!q} n’est pas l’un de {choices}</translation>
    </message>
    <message>
        <source>id {id!q}: ids starting with {prefix} are reserved for reviews made in Feedback Desk</source>
        <translation>identifiant {id!q} : les identifiants qui commencent par {prefix} sont réservés aux avis faits dans Feedback Desk</translation>
    </message>
    <message>
        <source>a class review needs the session it is about: the file has no session_id</source>
        <translation>un avis de cours a besoin de sa séance : le fichier n’a pas de session_id</translation>
    </message>
    <message>
        <source>session_id is empty; a class review needs the session it is about</source>
        <translation>session_id est vide ; un avis de cours a besoin de sa séance</translation>
    </message>
    <message>
        <source>session_id {session!q}: a business review is about the studio, not a session (leave session_id empty)</source>
        <translation>session_id {session!q} : un avis sur le studio ne porte pas sur une séance (laissez session_id vide)</translation>
    </message>
    <message>
        <source>recommend {value!q}: the 0-10 question goes with business reviews, not class reviews (leave it empty)</source>
        <translation>recommend {value!q} : la question de 0 à 10 va avec les avis sur le studio, pas avec les avis de cours (laissez-la vide)</translation>
    </message>
    <message>
        <source>{field}: {value!q} differs from line {first_line} ({other!q}) for the same class, start and coach</source>
        <translation>{field} : {value!q} diffère de la ligne {first_line} ({other!q}) pour le même cours, la même heure et le même entraîneur</translation>
    </message>
    <message>
        <source>coach_name {name!q}: several coaches have this name ({ids}); the file needs a coach_id column</source>
        <translation>coach_name {name!q} : plusieurs entraîneurs ont ce nom ({ids}) ; le fichier a besoin d’une colonne coach_id</translation>
    </message>
    <message>
        <source>coach_id {id!q}: no coach has this id; import the coaches first, or add a coach_name column so that the coach is created</source>
        <translation>coach_id {id!q} : aucun entraîneur n’a cet identifiant ; importez d’abord les entraîneurs, ou ajoutez une colonne coach_name pour que l’entraîneur soit créé</translation>
    </message>
    <message>
        <source>review {id!q} was edited by hand: it keeps its {kept} stars (the file says {given})</source>
        <translation>l’avis {id!q} a été modifié à la main : il garde ses {kept} étoiles (le fichier dit {given})</translation>
    </message>
    <message>
        <source>save it from the spreadsheet as &quot;CSV UTF-8&quot; and choose that file</source>
        <translation>enregistrez-le depuis le tableur en « CSV UTF-8 » et choisissez ce fichier</translation>
    </message>
    <message>
        <source>choose the column that holds it</source>
        <translation>choisissez la colonne qui le contient</translation>
    </message>
    <message>
        <source>an Excel workbook (.xlsx) or another zip archive</source>
        <translation>un classeur Excel (.xlsx) ou une autre archive zip</translation>
    </message>
    <message>
        <source>an old Excel workbook (.xls)</source>
        <translation>un ancien classeur Excel (.xls)</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un document PDF</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>une image PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>une image JPEG</translation>
    </message>
    <message>
        <source>a SQLite database</source>
        <translation>une base de données SQLite</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>jour/mois/année</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>mois/jour/année</translation>
    </message>
    <message>
        <source>of at least {low}</source>
        <translation>d’au moins {low}</translation>
    </message>
    <message>
        <source>from {low} to {high}</source>
        <translation>de {low} à {high}</translation>
    </message>
    <message>
        <source>{field}: no client has the id {id!q} (in the store or in this import)</source>
        <translation>{field} : aucun client n’a l’identifiant {id!q} (dans la base ou dans cette importation)</translation>
    </message>
    <message>
        <source>{field}: no coach has the id {id!q} (in the store or in this import)</source>
        <translation>{field} : aucun entraîneur n’a l’identifiant {id!q} (dans la base ou dans cette importation)</translation>
    </message>
    <message>
        <source>{field}: no session has the id {id!q} (in the store or in this import)</source>
        <translation>{field} : aucune séance n’a l’identifiant {id!q} (dans la base ou dans cette importation)</translation>
    </message>
    <message>
        <source>warning: {text}</source>
        <translation>avertissement : {text}</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {text}</source>
        <translation>Ligne {line}, colonne {column} : {text}</translation>
    </message>
    <message>
        <source>Line {line}: {text}</source>
        <translation>Ligne {line} : {text}</translation>
    </message>
</context>
<context>
    <name>QualitiesSection</name>
    <message>
        <source>What are %1&apos;s qualities?</source>
        <translation>Quelles qualités reconnaissez-vous à %1 ?</translation>
    </message>
</context>
<context>
    <name>QualitiesStep</name>
    <message>
        <source>Choose at least one.</source>
        <translation>Choisissez-en au moins une.</translation>
    </message>
    <message>
        <source>Choose at least one quality.</source>
        <translation>Choisissez au moins une qualité.</translation>
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
    <message>
        <source>Touch a star first.</source>
        <translation>Touchez d’abord une étoile.</translation>
    </message>
    <message>
        <source>How likely are you to recommend %1 to a friend or family member?</source>
        <translation>Quelle est la probabilité que vous recommandiez %1 à un ami ou à un membre de votre famille ?</translation>
    </message>
    <message>
        <source>0 is not at all likely, 10 is extremely likely.</source>
        <translation>0 : pas du tout probable, 10 : extrêmement probable.</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>can receive it</source>
        <translation>peut le recevoir</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Prompts shown</source>
        <translation>Invitations affichées</translation>
    </message>
    <message>
        <source>Last shown</source>
        <translation>Dernier affichage</translation>
    </message>
    <message>
        <source>Email status</source>
        <translation>État du courriel</translation>
    </message>
</context>
<context>
    <name>RefusalStep</name>
    <message>
        <source>Why not?</source>
        <translation>Pourquoi pas ?</translation>
    </message>
    <message>
        <source>Your answer goes only to the team of %1.</source>
        <translation>Votre réponse est lue seulement par l&apos;équipe de %1.</translation>
    </message>
    <message>
        <source>I am not satisfied enough</source>
        <translation>Je n&apos;en suis pas assez satisfait(e)</translation>
    </message>
    <message>
        <source>I don&apos;t want to make this recommendation public</source>
        <translation>Je ne souhaite pas rendre cette recommandation publique</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Pour une autre raison</translation>
    </message>
    <message>
        <source>Tell us more (optional)</source>
        <translation>Dites-nous-en plus (facultatif)</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Choisissez une raison.</translation>
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
    <name>RepliesView</name>
    <message>
        <source>Show handled replies too</source>
        <translation>Montrer aussi les réponses traitées</translation>
    </message>
    <message>
        <source>Check the mailbox now</source>
        <translation>Vérifier la boîte aux lettres maintenant</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Répond à</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>the replies to read</source>
        <translation>les réponses à lire</translation>
    </message>
    <message>
        <source>Could not read the replies: {why}</source>
        <translation>Impossible de lire les réponses : {why}</translation>
    </message>
    <message>
        <source>No reply to read.</source>
        <translation>Aucune réponse à lire.</translation>
    </message>
    <message>
        <source>1 reply to read</source>
        <translation>1 réponse à lire</translation>
    </message>
    <message>
        <source>{n} replies to read</source>
        <translation>{n} réponses à lire</translation>
    </message>
    <message>
        <source>{when} (handled)</source>
        <translation>{when} (traitée)</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>No reviews yet in this period</source>
        <translation>Aucun avis pour l’instant sur cette période</translation>
    </message>
    <message>
        <source>Detractors (1-3 ★)</source>
        <translation>Détracteurs (1-3 ★)</translation>
    </message>
    <message>
        <source>Passives (4 ★)</source>
        <translation>Passifs (4 ★)</translation>
    </message>
    <message>
        <source>Promoters (5 ★)</source>
        <translation>Promoteurs (5 ★)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Moyenne des étoiles</translation>
    </message>
    <message>
        <source>NPS by coach</source>
        <translation>NPS par entraîneur</translation>
    </message>
    <message>
        <source> {nps} · {average} ★</source>
        <translation> {nps} · {average} ★</translation>
    </message>
    <message>
        <source>* {bucket}: in progress (to {day})</source>
        <translation>* {bucket} : en cours (jusqu’au {day})</translation>
    </message>
    <message>
        <source>* only part of its days</source>
        <translation>* une partie de ses jours seulement</translation>
    </message>
    <message>
        <source>{bucket} (in progress, up to {day})</source>
        <translation>{bucket} (en cours, jusqu’au {day})</translation>
    </message>
    <message>
        <source>{bucket} ({first} – {last} only)</source>
        <translation>{bucket} ({first} – {last} seulement)</translation>
    </message>
    <message>
        <source>{bucket}: {reviews} — {segments}; NPS {nps}; average {average}; response rate {rate} ({answered} of {shown} prompts answered)</source>
        <translation>{bucket} : {reviews} — {segments} ; NPS {nps} ; moyenne {average} ; taux de réponse {rate} ({answered} réponses sur {shown} demandes)</translation>
    </message>
    <message>
        <source>{bucket}: {reviews}, average {average}, NPS {nps}</source>
        <translation>{bucket} : {reviews}, moyenne {average}, NPS {nps}</translation>
    </message>
    <message>
        <source>{aspect}: {reviews}</source>
        <translation>{aspect} : {reviews}</translation>
    </message>
    <message>
        <source>ticked in {n} review</source>
        <translation>coché dans {n} avis</translation>
    </message>
    <message>
        <source>ticked in {n} reviews</source>
        <translation>coché dans {n} avis</translation>
    </message>
    <message>
        <source>the best and the worst: {shown} of {total} coaches</source>
        <translation>les meilleurs et les moins bons : {shown} entraîneurs sur {total}</translation>
    </message>
    <message>
        <source>{name}: {reviews}, average {average}, NPS {nps} ({segments})</source>
        <translation>{name} : {reviews}, moyenne {average}, NPS {nps} ({segments})</translation>
    </message>
</context>
<context>
    <name>RequestsSettingsPage</name>
    <message>
        <source>Send email review requests after classes</source>
        <translation>Envoyer des demandes d’avis par courriel après les cours</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> heures</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Only to clients who agreed to receive email from the studio</source>
        <translation>Seulement aux clients qui ont accepté de recevoir des courriels du studio</translation>
    </message>
    <message>
        <source>Empty: the sender address</source>
        <translation>Vide : l’adresse d’expédition</translation>
    </message>
    <message>
        <source>Requests leave through the outbox (Settings → Email); the answers are read from the mailbox (Settings → Inbox), which must receive the answer address.</source>
        <translation>Les demandes partent par la boîte d’envoi (Paramètres → Courriel) ; les réponses sont lues dans la boîte aux lettres (Paramètres → Boîte de réception), qui doit recevoir l’adresse de réponse.</translation>
    </message>
    <message>
        <source>After a class</source>
        <translation>Après un cours</translation>
    </message>
    <message>
        <source>About the studio</source>
        <translation>Sur le studio</translation>
    </message>
    <message>
        <source>When a request goes</source>
        <translation>Quand une demande part</translation>
    </message>
    <message>
        <source>After the end of the class:</source>
        <translation>Après la fin du cours :</translation>
    </message>
    <message>
        <source>Not before:</source>
        <translation>Pas avant :</translation>
    </message>
    <message>
        <source>Not after:</source>
        <translation>Pas après :</translation>
    </message>
    <message>
        <source>At most one request per client every:</source>
        <translation>Au plus une demande par client tous les :</translation>
    </message>
    <message>
        <source>Drop a request not sent within:</source>
        <translation>Abandonner une demande non envoyée dans les :</translation>
    </message>
    <message>
        <source>Clients may answer for:</source>
        <translation>Les clients peuvent répondre pendant :</translation>
    </message>
    <message>
        <source>Answers go to:</source>
        <translation>Les réponses vont à :</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>the request preview</source>
        <translation>l’aperçu de la demande</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
    <message>
        <source>review requests need an address to answer to: fill in “Answers go to” above, or the sender address in Settings → Email</source>
        <translation>les demandes d’avis ont besoin d’une adresse où répondre : remplissez « Les réponses vont à » ci-dessus, ou l’adresse de l’expéditeur dans Paramètres → Courriel</translation>
    </message>
    <message>
        <source>No preview: {why}</source>
        <translation>Pas d’aperçu : {why}</translation>
    </message>
</context>
<context>
    <name>ReviewDetailsDialog</name>
    <message>
        <source>Review</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Séance :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <source>Where you excel:</source>
        <translation>Où vous excellez :</translation>
    </message>
    <message>
        <source>To improve:</source>
        <translation>À améliorer :</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire :</translation>
    </message>
    <message>
        <source>Action to take:</source>
        <translation>Action à faire :</translation>
    </message>
    <message>
        <source>History of manual edits</source>
        <translation>Historique des modifications manuelles</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Edit stars…</source>
        <translation>Modifier les étoiles…</translation>
    </message>
    <message>
        <source>Close the action…</source>
        <translation>Fermer l’action…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>Contacts…</translation>
    </message>
    <message>
        <source>Contacts with the client about this review, and a follow-up email</source>
        <translation>Les contacts avec le client au sujet de cet avis, et un courriel de suivi</translation>
    </message>
    <message>
        <source>Reply by email…</source>
        <translation>Répondre par courriel…</translation>
    </message>
    <message>
        <source>The reply for this review&apos;s segment, in the client&apos;s language</source>
        <translation>La réponse prévue pour ce type d&apos;avis, dans la langue du client</translation>
    </message>
    <message>
        <source>the review</source>
        <translation>l&apos;avis</translation>
    </message>
    <message>
        <source>Review not found</source>
        <translation>Avis introuvable</translation>
    </message>
    <message>
        <source>This review no longer exists.</source>
        <translation>Cet avis n’existe plus.</translation>
    </message>
    <message>
        <source>Review {review}</source>
        <translation>Avis {review}</translation>
    </message>
    <message>
        <source>{class_name} with {coach}, {when} ({session})</source>
        <translation>{class_name} avec {coach}, {when} ({session})</translation>
    </message>
    <message>
        <source>— (the studio as a whole)</source>
        <translation>— (le studio dans son ensemble)</translation>
    </message>
    <message>
        <source>{channel}, asked at {when}</source>
        <translation>{channel}, demandé le {when}</translation>
    </message>
    <message>
        <source>No comment</source>
        <translation>Aucun commentaire</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Open since {when}</source>
        <translation>Ouverte depuis le {when}</translation>
    </message>
    <message>
        <source>Closed: {outcome}, by {who} on {when}</source>
        <translation>Fermée : {outcome}, par {who} le {when}</translation>
    </message>
    <message>
        <source>Contacts ({n})…</source>
        <translation>Contacts ({n})…</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Business reviews</source>
        <translation>Avis sur l’entreprise</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <source>The figures could not be read: {error}</source>
        <translation>Les chiffres n’ont pas pu être lus : {error}</translation>
    </message>
    <message>
        <source>Reviews dated before 1900 (a typo in an imported file?), left out of these figures: {count}</source>
        <translation>Avis datés d&apos;avant 1900 (une faute de frappe dans un fichier importé ?), exclus de ces chiffres : {count}</translation>
    </message>
    <message>
        <source>{kind} per day</source>
        <translation>{kind} par jour</translation>
    </message>
    <message>
        <source>{kind} per month</source>
        <translation>{kind} par mois</translation>
    </message>
    <message>
        <source>{kind} per year</source>
        <translation>{kind} par année</translation>
    </message>
    <message>
        <source>Aspects to improve</source>
        <translation>Aspects à améliorer</translation>
    </message>
    <message>
        <source>No aspect to improve was ticked in this period.</source>
        <translation>Aucun aspect à améliorer n’a été coché sur cette période.</translation>
    </message>
    <message>
        <source>Where you excel</source>
        <translation>Où vous excellez</translation>
    </message>
    <message>
        <source>No “where you excel” aspect was ticked in this period.</source>
        <translation>Aucun aspect « où vous excellez » n’a été coché sur cette période.</translation>
    </message>
    <message>
        <source>Response rate by channel</source>
        <translation>Taux de réponse par canal</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Hide the charts: the table gets the room</source>
        <translation>Masquer les graphiques : le tableau prend la place</translation>
    </message>
    <message>
        <source>Show the charts</source>
        <translation>Afficher les graphiques</translation>
    </message>
    <message>
        <source>{first} – {last}: {reviews} · average {average} · NPS {nps} · {segments} · response rate {rate}</source>
        <translation>{first} – {last} : {reviews} · moyenne {average} · NPS {nps} · {segments} · taux de réponse {rate}</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>edited manually</source>
        <translation>modifié manuellement</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Staff entry</source>
        <translation>Saisie par le personnel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Client page</source>
        <translation>Page client</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contacté</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>Aucune action</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
</context>
<context>
    <name>ReviewsPanel</name>
    <message>
        <source>Newest</source>
        <translation>Plus récents</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Plus anciens</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Plus basses notes</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Plus hautes notes</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>All coaches</source>
        <translation>Tous les coachs</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Entraîneur</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Tous les cours</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Search a client…</source>
        <translation>Chercher un client…</translation>
    </message>
    <message>
        <source>Client search</source>
        <translation>Recherche de client</translation>
    </message>
    <message>
        <source>Reply by email…</source>
        <translation>Répondre par courriel…</translation>
    </message>
    <message>
        <source>The reply for this review&apos;s segment, in the client&apos;s language</source>
        <translation>La réponse prévue pour ce type d&apos;avis, dans la langue du client</translation>
    </message>
    <message>
        <source>the coaches</source>
        <translation>les coachs</translation>
    </message>
    <message>
        <source>the classes</source>
        <translation>les cours</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Ouvrir l&apos;avis</translation>
    </message>
    <message>
        <source>{n}+ reviews</source>
        <translation>{n}+ avis</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>1 review</source>
        <translation>1 avis</translation>
    </message>
    <message>
        <source>{n} reviews</source>
        <translation>{n} avis</translation>
    </message>
    <message>
        <source>No reviews match these filters.</source>
        <translation>Aucun avis ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No business reviews yet.
They arrive from the kiosk, staff entry or an import.</source>
        <translation>Aucun avis sur le studio pour l’instant.
Ils arrivent de la borne, de la saisie par le personnel ou d’une importation.</translation>
    </message>
    <message>
        <source>No class reviews yet.
They arrive from the kiosk, staff entry or an import.</source>
        <translation>Aucun avis sur les cours pour l’instant.
Ils arrivent de la borne, de la saisie par le personnel ou d’une importation.</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Aucun avis pour l’instant.</translation>
    </message>
</context>
<context>
    <name>ReviewsTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Entraîneur</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>les avis</translation>
    </message>
    <message>
        <source>Could not load the reviews: {why}</source>
        <translation>Les avis n’ont pas pu être chargés : {why}</translation>
    </message>
    <message>
        <source>the number of reviews</source>
        <translation>le nombre d’avis</translation>
    </message>
    <message>
        <source>{mark} marks stars edited by hand</source>
        <translation>{mark} marque les étoiles modifiées à la main</translation>
    </message>
    <message>
        <source>{stars} out of 5 stars</source>
        <translation>{stars} étoiles sur 5</translation>
    </message>
    <message>
        <source>, edited manually</source>
        <translation>, modifié manuellement</translation>
    </message>
    <message>
        <source>{stars} out of 5</source>
        <translation>{stars} sur 5</translation>
    </message>
    <message>
        <source>edited manually</source>
        <translation>modifié manuellement</translation>
    </message>
</context>
<context>
    <name>SettingHelp</name>
    <message>
        <source>Shown in emails, in the questions clients read and in the window&apos;s title.</source>
        <translation>Affiché dans les courriels, dans les questions que lisent les clients et dans le titre de la fenêtre.</translation>
    </message>
    <message>
        <source>The language of clients who have none on file: emails, the kiosk&apos;s welcome and the published pages use it.</source>
        <translation>La langue des clients qui n’en ont pas à leur dossier : les courriels, l’accueil de la borne et les pages publiées l’utilisent.</translation>
    </message>
    <message>
        <source>Every day and month of the reports is counted in this time zone.</source>
        <translation>Chaque jour et chaque mois des rapports sont comptés dans ce fuseau horaire.</translation>
    </message>
    <message>
        <source>Unticked, the kiosk and the email requests ask nothing at all.</source>
        <translation>Si la case est décochée, la borne et les demandes par courriel ne demandent rien du tout.</translation>
    </message>
    <message>
        <source>Ask clients to rate the class they just took.</source>
        <translation>Demander aux clients d’évaluer le cours qu’ils viennent de suivre.</translation>
    </message>
    <message>
        <source>Now and then, ask clients to rate the studio as a whole.</source>
        <translation>De temps en temps, demander aux clients d’évaluer le studio dans son ensemble.</translation>
    </message>
    <message>
        <source>A client is asked about the studio at most once in this many months.</source>
        <translation>Un client est interrogé sur le studio au plus une fois par ce nombre de mois.</translation>
    </message>
    <message>
        <source>The question about the studio, for clients who speak French.</source>
        <translation>La question sur le studio, pour les clients qui parlent français.</translation>
    </message>
    <message>
        <source>The question about the studio, for clients who speak English.</source>
        <translation>La question sur le studio, pour les clients qui parlent anglais.</translation>
    </message>
    <message>
        <source>After the stars of a review of the studio, also ask how likely the client is to recommend it, from 0 to 10 (optional for the client). Applies everywhere such reviews are given: the kiosk, staff entry, email requests and the client pages.</source>
        <translation>Après les étoiles d’un avis sur le studio, demander aussi au client s’il le recommanderait, de 0 à 10 (facultatif pour le client). S’applique partout où ces avis sont donnés : la borne, la saisie par le personnel, les demandes par courriel et les pages clients.</translation>
    </message>
    <message>
        <source>With no touch for this many seconds, the kiosk drops what was started and shows its welcome screen again.</source>
        <translation>Après ce nombre de secondes sans qu’on la touche, la borne abandonne ce qui était commencé et revient à son écran d’accueil.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Aspects</source>
        <translation>Aspects</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Email templates</source>
        <translation>Modèles de courriel</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Google invitations</source>
        <translation>Invitations Google</translation>
    </message>
    <message>
        <source>Client pages</source>
        <translation>Pages clients</translation>
    </message>
    <message>
        <source>Testimonials</source>
        <translation>Témoignages</translation>
    </message>
    <message>
        <source>Email requests</source>
        <translation>Demandes par courriel</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>les paramètres</translation>
    </message>
    <message>
        <source>Some values need fixing; nothing was saved.</source>
        <translation>Certaines valeurs sont à corriger ; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Has values to fix</source>
        <translation>Des valeurs sont à corriger</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation>Enregistrement impossible : {why}</translation>
    </message>
</context>
<context>
    <name>SettingsProblems</name>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>« %1 » n’est pas une adresse courriel.</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>Choisissez parmi : %1.</translation>
    </message>
    <message>
        <source>Enter a web address starting with https:// (or http://).</source>
        <translation>Entrez une adresse web qui commence par https:// (ou http://).</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name only, such as smtp.example.com (no spaces, “/” or “@”).</source>
        <translation>Entrez seulement le nom du serveur, par exemple smtp.example.com (sans espace, « / » ni « @ »).</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as America/Toronto.</source>
        <translation>Choisissez un fuseau horaire dans la liste, par exemple America/Toronto.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Un NIP compte de 4 à 12 chiffres.</translation>
    </message>
    <message>
        <source>Keep it on one line (no line break or control character).</source>
        <translation>Gardez-le sur une seule ligne (sans saut de ligne ni caractère de contrôle).</translation>
    </message>
    <message>
        <source>Enter the studio&apos;s name.</source>
        <translation>Entrez le nom du studio.</translation>
    </message>
    <message>
        <source>Enter the question in French.</source>
        <translation>Entrez la question en français.</translation>
    </message>
    <message>
        <source>Enter the question in English.</source>
        <translation>Entrez la question en anglais.</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>Ce champ ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Enter a number of months</source>
        <translation>Entrez un nombre de mois</translation>
    </message>
    <message>
        <source>Enter a number of days</source>
        <translation>Entrez un nombre de jours</translation>
    </message>
    <message>
        <source>Enter a number of hours</source>
        <translation>Entrez un nombre d’heures</translation>
    </message>
    <message>
        <source>Enter a number of minutes</source>
        <translation>Entrez un nombre de minutes</translation>
    </message>
    <message>
        <source>Enter a number of seconds</source>
        <translation>Entrez un nombre de secondes</translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation>Entrez un nombre entier</translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation>Entrez un nombre</translation>
    </message>
    <message>
        <source>%1 (%2 to %3).</source>
        <translation>%1 (%2 à %3).</translation>
    </message>
    <message>
        <source>%1 (at least %2).</source>
        <translation>%1 (au moins %2).</translation>
    </message>
    <message>
        <source>%1 (at most %2).</source>
        <translation>%1 (au plus %2).</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this task</source>
        <translation>Arrêter cette tâche</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>StoreInfoFeature</name>
    <message>
        <source>Store: {where}</source>
        <translation>Base : {where}</translation>
    </message>
</context>
<context>
    <name>TemplateProblems</name>
    <message>
        <source>a brace stands alone: write {{ and }} for a brace, {first_name} for a placeholder</source>
        <translation>une accolade est seule : écrivez {{ et }} pour une accolade, {first_name} pour un champ</translation>
    </message>
    <message>
        <source>%1 is not a placeholder: write a bare name such as {first_name}</source>
        <translation>%1 n’est pas un champ : écrivez seulement un nom, comme {first_name}</translation>
    </message>
    <message>
        <source>unknown placeholder %1; the placeholders are %2</source>
        <translation>champ inconnu %1 ; les champs sont %2</translation>
    </message>
    <message>
        <source>a subject is one line</source>
        <translation>un objet tient sur une seule ligne</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>body</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>TemplateTitles</name>
    <message>
        <source>Google invitation</source>
        <translation>Invitation Google</translation>
    </message>
    <message>
        <source>At-risk alert (internal)</source>
        <translation>Alerte client à risque (interne)</translation>
    </message>
    <message>
        <source>Reply to a promoter (thanks, referral)</source>
        <translation>Réponse à un promoteur (remerciement, recommandation)</translation>
    </message>
    <message>
        <source>Reply to a passive</source>
        <translation>Réponse à un passif</translation>
    </message>
    <message>
        <source>Reply to a detractor (apology)</source>
        <translation>Réponse à un détracteur (excuses)</translation>
    </message>
    <message>
        <source>Follow-up: what we changed</source>
        <translation>Suivi : ce que nous avons changé</translation>
    </message>
    <message>
        <source>Non-respondent outreach</source>
        <translation>Relance des non-répondants</translation>
    </message>
    <message>
        <source>Thank-you to promoters</source>
        <translation>Remerciement aux promoteurs</translation>
    </message>
    <message>
        <source>Email reply to a 5-star Google review</source>
        <translation>Réponse par courriel à un avis Google 5 étoiles</translation>
    </message>
    <message>
        <source>Email reply to a 4-star Google review</source>
        <translation>Réponse par courriel à un avis Google 4 étoiles</translation>
    </message>
    <message>
        <source>Email reply to a Google review of 1-3 stars (apology)</source>
        <translation>Réponse par courriel à un avis Google de 1 à 3 étoiles (excuses)</translation>
    </message>
    <message>
        <source>Review request (a class or the studio, answered by email)</source>
        <translation>Demande d’avis (un cours ou le studio, réponse par courriel)</translation>
    </message>
    <message>
        <source>Testimonial invitation</source>
        <translation>Invitation à témoigner</translation>
    </message>
    <message>
        <source>Testimonial confirmation (how to withdraw)</source>
        <translation>Confirmation de témoignage (comment le retirer)</translation>
    </message>
    <message>
        <source>Testimonial declined (internal)</source>
        <translation>Témoignage refusé (interne)</translation>
    </message>
    <message>
        <source>Answer to a client&apos;s email (Replies to read)</source>
        <translation>Réponse au courriel d’un client (Réponses à lire)</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Champs : %1</translation>
    </message>
    <message>
        <source>Preview: plain text</source>
        <translation>Aperçu : texte brut</translation>
    </message>
    <message>
        <source>Preview: HTML</source>
        <translation>Aperçu : HTML</translation>
    </message>
    <message>
        <source>Reading the templates…</source>
        <translation>Lecture des modèles…</translation>
    </message>
    <message>
        <source>the email templates</source>
        <translation>les modèles de courriel</translation>
    </message>
    <message>
        <source>{n} template changed: stored when you save the settings.</source>
        <translation>{n} modèle modifié : enregistré quand vous enregistrez les paramètres.</translation>
    </message>
    <message>
        <source>{n} templates changed: stored when you save the settings.</source>
        <translation>{n} modèles modifiés : enregistrés quand vous enregistrez les paramètres.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Back to the default</source>
        <translation>Revenir au modèle d’origine</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Sent only to clients who agreed to receive email; the studio&apos;s name and address and an unsubscribe line are added under it.</source>
        <translation>Envoyé seulement aux clients qui ont accepté les courriels ; le nom et l’adresse du studio et une ligne de désabonnement sont ajoutés dessous.</translation>
    </message>
</context>
<context>
    <name>TestimonialScreen</name>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>TestimonialSection</name>
    <message>
        <source>Invite to recommend…</source>
        <translation>Inviter à recommander…</translation>
    </message>
    <message>
        <source>Withdraw consent (the client asked)…</source>
        <translation>Retirer le consentement (à la demande du client)…</translation>
    </message>
    <message>
        <source>the client&apos;s testimonials</source>
        <translation>les témoignages du client</translation>
    </message>
    <message>
        <source>Never invited to recommend the studio.</source>
        <translation>Jamais invité à recommander le studio.</translation>
    </message>
    <message>
        <source>{n} invitation; the latest: {status}.</source>
        <translation>{n} invitation ; la dernière : {status}.</translation>
    </message>
    <message>
        <source>{n} invitations; the latest: {status}.</source>
        <translation>{n} invitations ; la dernière : {status}.</translation>
    </message>
</context>
<context>
    <name>TestimonialStaff</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirer le consentement</translation>
    </message>
    <message>
        <source>Withdraw {name}&apos;s consent? Their testimonial is no longer shown, their photo is deleted, and this cannot be undone.</source>
        <translation>Retirer le consentement de {name} ? Son témoignage n&apos;est plus affiché, sa photo est supprimée, et c&apos;est définitif.</translation>
    </message>
    <message>
        <source>Consent withdrawn: the testimonial is no longer shown.</source>
        <translation>Consentement retiré : le témoignage n&apos;est plus affiché.</translation>
    </message>
    <message>
        <source>the withdrawal</source>
        <translation>le retrait</translation>
    </message>
</context>
<context>
    <name>Testimonials</name>
    <message>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Décliné</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>titre du poste</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Not satisfied enough</source>
        <translation>Pas assez satisfait</translation>
    </message>
    <message>
        <source>Does not want it public</source>
        <translation>Ne veut pas la rendre publique</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Une autre raison</translation>
    </message>
    <message>
        <source>client page</source>
        <translation>page client</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>borne</translation>
    </message>
    <message>
        <source>tablet kiosk</source>
        <translation>borne sur tablette</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <source>staff, on the client&apos;s request</source>
        <translation>personnel, à la demande du client</translation>
    </message>
    <message>
        <source>Invited {when} by {who}</source>
        <translation>Invité le {when} par {who}</translation>
    </message>
    <message>
        <source>Answered {when} ({where})</source>
        <translation>Répondu le {when} ({where})</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Raison : {reason}</translation>
    </message>
    <message>
        <source>Qualities: {list}</source>
        <translation>Qualités : {list}</translation>
    </message>
    <message>
        <source>Name shown as: {name}</source>
        <translation>Nom affiché : {name}</translation>
    </message>
    <message>
        <source>Job title: {title}</source>
        <translation>Titre du poste : {title}</translation>
    </message>
    <message>
        <source>Photo: {photo}</source>
        <translation>Photo : {photo}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>May be shown: {parts}</source>
        <translation>Peut être affiché : {parts}</translation>
    </message>
    <message>
        <source>Consent history:</source>
        <translation>Historique du consentement :</translation>
    </message>
    <message>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
</context>
<context>
    <name>TestimonialsExport</name>
    <message>
        <source>Export testimonials</source>
        <translation>Exporter les témoignages</translation>
    </message>
    <message>
        <source>Web page (*.html);;JSON (*.json)</source>
        <translation>Page web (*.html);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>TestimonialsPage</name>
    <message>
        <source>A client who agrees to recommend the studio answers two optional questions, in two or three sentences each. {studio} is replaced by the studio&apos;s name.</source>
        <translation>Un client qui accepte de recommander le studio répond à deux questions facultatives, en deux ou trois phrases chacune. {studio} est remplacé par le nom du studio.</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>First question (French):</source>
        <translation>Première question (français) :</translation>
    </message>
    <message>
        <source>First question (English):</source>
        <translation>Première question (anglais) :</translation>
    </message>
    <message>
        <source>Second question (French):</source>
        <translation>Deuxième question (français) :</translation>
    </message>
    <message>
        <source>Second question (English):</source>
        <translation>Deuxième question (anglais) :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>An invitation can be answered for:</source>
        <translation>Une invitation peut recevoir une réponse pendant :</translation>
    </message>
    <message>
        <source>Preview: what clients read</source>
        <translation>Aperçu : ce que lisent les clients</translation>
    </message>
    <message>
        <source>In French:</source>
        <translation>En français :</translation>
    </message>
    <message>
        <source>In English:</source>
        <translation>En anglais :</translation>
    </message>
</context>
<context>
    <name>TestimonialsTab</name>
    <message>
        <source>All invitations</source>
        <translation>Toutes les invitations</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Invite clients…</source>
        <translation>Inviter des clients…</translation>
    </message>
    <message>
        <source>Export the page…</source>
        <translation>Exporter la page…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invité le</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu le</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>May be shown</source>
        <translation>Peut être affiché</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Select an invitation to see it here.</source>
        <translation>Sélectionnez une invitation pour la voir ici.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Published by File → Export testimonials…</source>
        <translation>Publié par Fichier → Exporter les témoignages…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Retirer le consentement…</translation>
    </message>
    <message>
        <source>When the client asks: final</source>
        <translation>À la demande du client : définitif</translation>
    </message>
    <message>
        <source>Client card</source>
        <translation>Fiche client</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Qualities voted for</source>
        <translation>Qualités plébiscitées</translation>
    </message>
    <message>
        <source>the testimonials</source>
        <translation>les témoignages</translation>
    </message>
    <message>
        <source>{accepted} accepted ({review} to review), {refused} declined, {open} open</source>
        <translation>{accepted} accepté(s) ({review} à examiner), {refused} décliné(s), {open} en attente</translation>
    </message>
    <message>
        <source>{label} (awaiting approval)</source>
        <translation>{label} (en attente d&apos;approbation)</translation>
    </message>
    <message>
        <source>the consent history</source>
        <translation>l&apos;historique du consentement</translation>
    </message>
    <message>
        <source>the testimonial</source>
        <translation>le témoignage</translation>
    </message>
    <message>
        <source>Approved: the export publishes it.</source>
        <translation>Approuvé : l&apos;exportation le publie.</translation>
    </message>
    <message>
        <source>Hidden: the export leaves it out.</source>
        <translation>Masqué : l&apos;exportation l&apos;écarte.</translation>
    </message>
    <message>
        <source>the testimonials page</source>
        <translation>la page des témoignages</translation>
    </message>
    <message>
        <source>Wrote {path}: {n} testimonial.</source>
        <translation>{path} écrit : {n} témoignage.</translation>
    </message>
    <message>
        <source>Wrote {path}: {n} testimonials.</source>
        <translation>{path} écrit : {n} témoignages.</translation>
    </message>
</context>
<context>
    <name>TextsStep</name>
    <message>
        <source>Your testimonial</source>
        <translation>Votre témoignage</translation>
    </message>
    <message>
        <source>Optional: two or three sentences for each question are enough.</source>
        <translation>Facultatif : deux ou trois phrases par question suffisent.</translation>
    </message>
    <message>
        <source>In two or three sentences: where you started, what you came for, what you worked on together.</source>
        <translation>En deux ou trois phrases : votre point de départ, ce que vous cherchiez, ce sur quoi vous avez travaillé ensemble.</translation>
    </message>
    <message>
        <source>In two or three sentences: what is different for you now (energy, habits, how you feel…).</source>
        <translation>En deux ou trois phrases : ce qui est différent pour vous aujourd&apos;hui (énergie, habitudes, bien-être…).</translation>
    </message>
</context>
<context>
    <name>ThankPromotersDialog</name>
    <message>
        <source>Thank the promoters</source>
        <translation>Remercier les promoteurs</translation>
    </message>
    <message>
        <source>Queue the thank-you email for the checked clients</source>
        <translation>Mettre en file d’attente le courriel de remerciement pour les clients cochés</translation>
    </message>
    <message>
        <source>Reviews of 5 stars from</source>
        <translation>Avis de 5 étoiles du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>the promoters</source>
        <translation>les promoteurs</translation>
    </message>
    <message>
        <source>{n} promoter in the period; {agreed} agreed to receive email.</source>
        <translation>{n} promoteur dans la période ; dont {agreed} acceptant de recevoir des courriels.</translation>
    </message>
    <message>
        <source>{n} promoters in the period; {agreed} agreed to receive email.</source>
        <translation>{n} promoteurs dans la période ; dont {agreed} acceptant de recevoir des courriels.</translation>
    </message>
    <message>
        <source>the thank-you emails</source>
        <translation>les courriels de remerciement</translation>
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
    <message>
        <source>Your recommendation means a lot to us. You can withdraw your consent at any time.</source>
        <translation>Votre recommandation compte beaucoup pour nous. Vous pouvez retirer votre consentement à tout moment.</translation>
    </message>
    <message>
        <source>Thank you for telling us. Your answer helps us do better.</source>
        <translation>Merci de nous l&apos;avoir dit. Votre réponse nous aide à nous améliorer.</translation>
    </message>
</context>
<context>
    <name>WatchFolderFeature</name>
    <message>
        <source>Watch folder: importing</source>
        <translation>Dossier surveillé : importation</translation>
    </message>
    <message>
        <source>Watch folder: imported {file} ({created} created, {updated} updated, {unchanged} unchanged).</source>
        <translation>Dossier surveillé : {file} importé ({created} créés, {updated} mis à jour, {unchanged} inchangés).</translation>
    </message>
    <message>
        <source>Watch folder: {file} could not be imported: {problem}</source>
        <translation>Dossier surveillé : {file} n’a pas pu être importé : {problem}</translation>
    </message>
    <message>
        <source>Watch folder: {file} could not be imported; see {errors}.</source>
        <translation>Dossier surveillé : {file} n’a pas pu être importé ; voyez {errors}.</translation>
    </message>
    <message>
        <source>Watch folder: {folder} does not exist (or is not a folder); nothing is imported until it does.</source>
        <translation>Dossier surveillé : {folder} n’existe pas (ou n’est pas un dossier) ; rien n’est importé tant qu’il n’existe pas.</translation>
    </message>
    <message>
        <source>Watch folder: {why}</source>
        <translation>Dossier surveillé : {why}</translation>
    </message>
    <message>
        <source>Watch folder: import cancelled; nothing was written. The files wait in the folder until they change or the window is opened again.</source>
        <translation>Dossier surveillé : importation annulée ; rien n’a été écrit. Les fichiers attendent dans le dossier jusqu’à ce qu’ils changent ou que la fenêtre soit rouverte.</translation>
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
<context>
    <name>WindowContext</name>
    <message>
        <source>Could not load {what}: {why}</source>
        <translation>Impossible de charger {what} : {why}</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>les paramètres</translation>
    </message>
</context>
<context>
    <name>WorklistFilters</name>
    <message>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermées</translation>
    </message>
    <message>
        <source>Closed: contacted</source>
        <translation>Fermées : contacté</translation>
    </message>
    <message>
        <source>Closed: resolved</source>
        <translation>Fermées : résolu</translation>
    </message>
    <message>
        <source>Closed: no action</source>
        <translation>Fermées : aucune action</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>Ouvertes et fermées</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All coaches</source>
        <translation>Tous les coachs</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Entraîneur</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Tous les cours</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Tout âge</translation>
    </message>
    <message>
        <source>Under a week old</source>
        <translation>Moins d’une semaine</translation>
    </message>
    <message>
        <source>1 week to 30 days old</source>
        <translation>D’une semaine à 30 jours</translation>
    </message>
    <message>
        <source>Over 30 days old</source>
        <translation>Plus de 30 jours</translation>
    </message>
    <message>
        <source>Over 90 days old</source>
        <translation>Plus de 90 jours</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>How long ago the client gave the review</source>
        <translation>Depuis combien de temps le client a donné l’avis</translation>
    </message>
    <message>
        <source>Search a client…</source>
        <translation>Chercher un client…</translation>
    </message>
    <message>
        <source>Client search</source>
        <translation>Recherche de client</translation>
    </message>
</context>
</TS>
