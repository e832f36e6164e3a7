"""Regression guard on hand-written dumps with gold segmentations.

Each set was written by someone who had not seen the segmenter, and scored once
before any tuning on it — that first score is the honest picture of accuracy on
unseen text; the bounds below are the levels reached after tuning, so a change
that makes any set worse fails. First scores (mean Pk / boundary F1 at ±1 line):
h3 0.120 / 0.908 (tuned on h1, h2); h4 0.174 / 0.753 and h5 0.180 / 0.682 (both
after h3 had been used for tuning); h6 0.239 / 0.665 (after h4 and h5 had been
used). Later sets, each scored before it was used: h9 0.105 / 0.815, h8 0.159 /
0.685, h7 0.121 / 0.848, h11 0.063 / 0.857, h12 0.197 / 0.702, h10 0.093 / 0.823,
h14 0.085 / 0.875, h13 0.151 / 0.689, h18 0.142 / 0.699, h16 0.175 / 0.695, h17
0.243 / 0.544, h15 0.206 / 0.592, h19 0.127 / 0.777, h20 0.269 / 0.423 (h15-h20 tuned
on with the help of error reviews; h20, the densest furniture, is still far off); the
last two, scored on the final code of that session before any use: h21 0.117 / 0.722,
h22 0.126 / 0.767 (one round of fixes since). Sets h23, h25, h26 (scored on the
code of the next session's start): 0.112 / 0.791, 0.147 / 0.733, 0.149 / 0.772;
after a round of fixes from them, h24, h27, h28: 0.159 / 0.710, 0.176 / 0.688,
0.125 / 0.806; after a second round, h29, h30, h31: 0.137 / 0.722, 0.107 / 0.804,
0.083 / 0.883; after a third, h32, h33, h34: 0.104 / 0.787, 0.121 / 0.738, 0.063 /
0.873; after a fourth, h35, h36, h37: 0.117 / 0.819, 0.089 / 0.825, 0.098 / 0.797;
after a fifth, h38, h39, h40: 0.105 / 0.846, 0.105 / 0.822, 0.066 / 0.864; after a
sixth, h41, h42, h43: 0.121 / 0.809, 0.078 / 0.890, 0.083 / 0.849 (all twenty-one
tuned on, with error reviews, the last three briefly); after a seventh, h44 and
h45 (three dumps each): 0.075 / 0.906, 0.097 / 0.840, kept untuned for a while as
the record of first contact, then tuned on with an error review; with them, the
eighth round's h46, h47, h48 (scored on the same code): 0.081 / 0.905, 0.092 /
0.808, 0.092 / 0.901; after fixes from those, h51, h52, h53: 0.116 / 0.867, 0.073 /
0.798, 0.061 / 0.873 (all tuned on, with error reviews). h49 and h50, written in the
eighth round, were scored on that round's starting code (0.087 / 0.789, 0.063 /
0.908) and again on the final code after both rounds of fixes (the same scores:
none of those fixes carried over to them); kept untuned, their bounds are those
scores. The next session's h54, h55, h56, scored on that final code before any use:
0.105 / 0.799, 0.089 / 0.880, 0.095 / 0.857; after fixes from those, h57 and h58:
0.196 / 0.726, 0.113 / 0.799; after fixes from those, h59 and h60: 0.096 / 0.892,
0.065 / 0.926 (all tuned on, with error reviews); after fixes from those, on that
session's final code, h61 and h62: 0.083 / 0.857, 0.112 / 0.859, kept untuned as the
record of first contact (their bounds are those scores; a later fix for another set
moved them to 0.079 and 0.108). The seventh session's h63, h64, h65, scored on that
code before any use: 0.061 / 0.869, 0.161 / 0.650, 0.090 / 0.906 (tuned on, with
error reviews); after fixes from those, h66 and h67: 0.143 / 0.695, 0.203 / 0.670;
h67 was tuned on with a review, h66 is kept untuned (its bound is that first score:
the h67 fixes did not change it). The eighth session's h68, h69, h70, scored on that
code before any use: 0.268 / 0.532, 0.090 / 0.919, 0.126 / 0.846.

Then the learned start placement (worker/placement.py) joined the rules. It is fitted
on every set but the record sets (h49, h50, h61, h62, h66, h68-h76), which stay
out of its fit: their bounds are their scores with it, still a first contact for it.
Over those eight sets it moved the mean from 0.120 / 0.801 (the rules alone) to
0.106 / 0.838: h49 0.088 / 0.789, h50 0.063 / 0.908, h61 0.066 / 0.890, h62 0.098 /
0.886, h66 0.101 / 0.847, h68 0.228 / 0.649, h69 0.085 / 0.919, h70 0.118 / 0.813
(benchmarks/placement_fit.py --loso prints both). Three more sets were then written
blind and scored on that code, h71, h72, h73: the rules alone would give 0.062 /
0.893, 0.112 / 0.852, 0.146 / 0.728; with the placement 0.058 / 0.858, 0.119 / 0.817,
0.133 / 0.758 (mean 0.107 / 0.824 against 0.103 / 0.811: Pk a little better, F1 a
little worse on writers it has not met). They joined the record sets.
Then the learned check of starts (worker/startcheck.py) was added, fitted like the
placement, and h74, h75, h76 were written blind and scored on the final code: 0.072 /
0.836, 0.220 / 0.533, 0.162 / 0.798 (mean 0.151 / 0.723; rules alone 0.181 / 0.672,
rules and placement 0.159 / 0.715). Record-set bounds are their scores with both.
Then dumps of real pages (not in the repository: docs/segmentation.md) showed the rules
cutting long stories at their subheadings and moving bare headlines onto the paragraph
under them, which none of these sets had shown. The fixes for that (section similarity
of a lone headline, a headline its lead restates keeps its start, headlinese is no
subheading, a lead under a headline is no bio) cost these sets a little: the record
sets' mean went from 0.111 / 0.813 to 0.114 / 0.806, and ten sets' bounds were
loosened to their new scores (h11, h25, h31, h49, h51, h57, h62, h66, h68, h75; h33
after the next refit).
Then more real texts (the tenth session: newspaper's expected texts, the extraction
benchmark, readability's test pages) showed cue-less starts between plain long
stories missed at the whole-part cosine threshold fitted on these sets; raising it
(SPLIT_COS 0.03 -> 0.06) found them and kept these sets level on the whole (all 276
dumps 0.0360 / 0.9443 -> 0.0354 / 0.9447, record sets 0.1132 / 0.8079 -> 0.1132 /
0.8067), but eight sets lost a little on one measure and their bounds were loosened
to their new scores (h11, h25, h34, h66, h70, h71, h73, h74).
Then, in the thirteenth session, twenty-one sets of six dumps each were written blind
by writers given a brief and the seed dump only (never this code or these sets), in
seven rounds. The first round's h77, h78, h79, scored on that session's starting code
(dc35f29): 0.063 / 0.905, 0.081 / 0.882, 0.082 / 0.884; after fixes from them, the
second round's h80, h81, h82, scored on the code with those fixes (14f3861): 0.086 /
0.838, 0.053 / 0.918, 0.119 / 0.809; after fixes from those, the third round's h83,
h84, h85 (ae67aa0): 0.084 / 0.860, 0.057 / 0.905, 0.058 / 0.921; after fixes from
those, the fourth round's h86, h87, h88 (ea7f1ac): 0.102 / 0.863, 0.109 / 0.833, 0.110 /
0.820 (h88 on the seed's own kind of subject). All twelve were then tuned on, with
error reviews; their bounds are the levels reached. The fifth round's h89, h90, h91,
scored on the code after those fixes (5172972): 0.070 / 0.950, 0.052 / 0.933, 0.090 /
0.844; one fix came from h91 since (0.077 / 0.868), none from h89 or h90, whose bounds
are their first scores. The sixth round's h92, h93, h94, scored on the code after
that fix (204e5ff): 0.081 / 0.882, 0.099 / 0.873, 0.100 / 0.854; after one round of
fixes from h93 and h94: 0.081 / 0.882, 0.080 / 0.909, 0.066 / 0.906 (h92 0.071 / 0.908
after two more, from its fifth dump). The seventh
round's h95, h96, h97, scored on the session's final code (704db2e) and never tuned
on, are the record of first contact for it: 0.134 / 0.845, 0.086 / 0.861, 0.033 /
0.952 (mean 0.084 / 0.886); their bounds are those scores.
In the fourteenth session, with a brief written again from the last one's account of
it, two more rounds of three writers: h98, h99, h100, scored on the session's code after
its first fix (d57638c): 0.053 / 0.941, 0.140 / 0.723, 0.115 / 0.864 (mean 0.103 /
0.843); after fixes from those, h101, h102, h103 (bdc778f): 0.138 / 0.782, 0.148 /
0.764, 0.161 / 0.735 (mean 0.149 / 0.760). Both rounds were tuned on, with error
reviews; their bounds are the levels reached. After fixes from those, the third round's
h104, h105, h106, scored on a29a76e: 0.148 / 0.743, 0.121 / 0.782, 0.058 / 0.921 (mean
0.109 / 0.815); tuned on too. The fourth round's h107, h108, h109, scored on the
session's final code (0f8ca66) and never tuned on, are the record of first contact for
it: 0.178 / 0.640, 0.117 / 0.856, 0.117 / 0.807 (mean 0.137 / 0.768; the session's
starting code scored them 0.153 / 0.734); their bounds are those scores.
In the fifteenth session, two more rounds of three writers with the brief written again:
h110, h111, h112, scored on the session's starting code (304240f): 0.144 / 0.714, 0.166 /
0.750, 0.148 / 0.787 (mean 0.153 / 0.751), then tuned on with error reviews; their
bounds are the levels reached. h113, h114, h115, written while that was done and scored
once on the session's final code before any look at them: 0.124 / 0.780, 0.128 / 0.801,
0.169 / 0.747 (mean 0.141 / 0.776; the starting code scored them 0.138 / 0.781). Two of
their dumps had got worse through the session's changes; those two regressions were
fixed (nothing else was taken from them), and their bounds are the scores after that
(mean 0.135 / 0.783).
In the sixteenth session, five rounds of three writers, with the same brief. Three
tuning rounds, each scored before any use: h116, h117, h118 on the session's starting
code (1e9ae51): 0.121 / 0.767, 0.115 / 0.750, 0.129 / 0.772 (mean 0.122 / 0.763); after
fixes from those, h122, h123, h124 (298636a): 0.128 / 0.759, 0.128 / 0.779, 0.072 /
0.815 (mean 0.110 / 0.784; the starting code 0.117 / 0.765); after fixes from those
too, h125, h126, h127 (405886c): 0.174 / 0.691, 0.070 / 0.879, 0.158 / 0.727 (mean
0.134 / 0.766; the starting code 0.139 / 0.753). All nine were tuned on with error
reviews; their bounds are the levels reached. Two record rounds, written while that
was done and scored once on the session's final code (29edd12) before any look at
them, never tuned on: h119, h120, h121: 0.079 / 0.855, 0.100 / 0.833, 0.110 / 0.777;
h128, h129, h130: 0.122 / 0.807, 0.120 / 0.770, 0.089 / 0.842 (mean of the six 0.104 /
0.814; the starting code scored them 0.118 / 0.783). Their bounds are those scores. The
bounds of sets this session's fixes improved by 0.005 Pk or 0.01 F1 or more were
tightened to their new scores.
In the seventeenth session, eight writers with a brief written anew (one subject per
dump, pages begun at their first scraped line). Tuning rounds: h131, h132, scored on
the session's starting code: 0.135 / 0.679, 0.127 / 0.655; tuned on with error
reviews (furniture rules) and by joining the placement's fit. h135-h138, written after
that, scored on the code of then (99c065e, with the placement refitted on h131,
h132): 0.150 / 0.718, 0.119 / 0.741, 0.110 / 0.765, 0.105 / 0.707; tuned on only by
joining the fit. Their bounds are the levels reached. Record rounds, written meanwhile
and never looked into (their scores were read, never their errors), h133, h134: on
the starting code 0.165 / 0.603, 0.178 / 0.647 (mean 0.172 / 0.625), on the final code
0.144 / 0.693, 0.124 / 0.729 (mean 0.134 / 0.711). Their scores were also read for
each MAX_MOVE tried, which was chosen on the older record sets (the largest, 25, was
best there). Their bounds are the final scores, and they
joined the fit's record sets. The placement and the check were refitted on the
session's rules and new sets, with a start free to move within its whole furniture
run (placement.MAX_MOVE 3 -> 25): over the 600 older dumps Pk 0.0551 -> 0.0435, F1
0.9159 -> 0.9363 (the 31 older record sets 0.0874 -> 0.0772, 0.8637 -> 0.8833). The
refit made 18 sets worse (bounds loosened to their new scores: h6, h8, h15, h18, h19,
h37, h43, h50, h53, h55, h62, h65, h69, h70, h75, h90, h96, h115) and 66 better by
0.005 Pk or 0.01 F1 or more (bounds tightened). A last record round, h139-h142, was
written after the final code and scored once on it (1d6fa6e), before any look at it:
0.081 / 0.850, 0.098 / 0.836, 0.070 / 0.862, 0.113 / 0.754 (mean 0.090 / 0.825; the
session's starting code scored them 0.125 / 0.759). Their bounds are those scores.
The eighteenth session tuned on h139-h142 (they joined the fit) and on a new round,
h147-h150, written blind and scored once on 623fd62 before any look: 0.128 / 0.793,
0.065 / 0.906, 0.073 / 0.885, 0.126 / 0.746 (mean 0.098 / 0.832; the starting code
8908034 0.110 / 0.801); their bounds are the levels reached. Against the session's
starting bounds, 18 sets end worse (loosened: h11 h20 h49 h68 h69 h71 h73 h74 h76
h88 h108 h109 h111 h114 h116 h119 h122 h125) and 38 end better (tightened), h139-h142
among them. h133 and h134 were looked into in its reviews. Its record round,
h143-h146, written blind at its start and never looked into, scored once on its final code
(fc49b3a): 0.049 / 0.955, 0.094 / 0.843, 0.110 / 0.789, 0.080 / 0.820 (mean 0.083 /
0.852; the starting code 0.087 / 0.849). Their bounds are those scores. A last record
round, h151-h154, written blind after that final code and scored once on it before
any look: 0.126 / 0.795, 0.093 / 0.831, 0.135 / 0.694, 0.085 / 0.866 (mean 0.110 /
0.796; the starting code 0.131 / 0.761). Their bounds are those scores; both rounds
are record sets, kept out of the fit.
The nineteenth session fitted the learned stages on every set (the record sets too:
its learning curve showed the model still gaining from data) and on the seed dump, the
one real scrape; the honest estimate is since then six-fold cross-validation by set
(benchmarks/placement_fit.py --cv) and a blind round kept out of the fixtures until
scored. Its sets, written blind and scored once on dc0ecde before any look: h155
0.116 / 0.745, h156 0.071 / 0.879, h157 0.086 / 0.841, h158 0.069 / 0.803 (mean 0.085 /
0.817); h163 0.097 / 0.824, h164 0.073 / 0.855, h165 0.060 / 0.881, h166 0.110 /
0.828, h167 0.128 / 0.712, h168 0.109 / 0.791 (mean 0.096 / 0.815). h163-h168, scored
on the new learned stages fitted without them: 0.088 / 0.834. Every bound is now the
level the refit reached. Its record round, h159-h162, written blind at its start and
kept out of the fixtures and the fit until scored once on its final code (eb0844a):
0.051 / 0.879, 0.079 / 0.802, 0.100 / 0.826, 0.057 / 0.900 (mean 0.072 / 0.852; the
starting code 0.087 / 0.830). A last record round, h169-h172, written late in the
session and scored once on the same code (19178bb): 0.117 / 0.735, 0.073 / 0.832,
0.070 / 0.854, 0.127 / 0.807 (mean 0.097 / 0.807; the starting code 0.104 / 0.788).
A third, h173-h176, written at the session's end and scored once on the same models
(a3760f9): 0.109 / 0.807, 0.126 / 0.804, 0.057 / 0.877, 0.116 / 0.744 (mean 0.102 /
0.808; the starting code 0.111 / 0.768). Their bounds are those scores.
The twentieth session's sets, written blind and scored once before any look: h177
0.058 / 0.884, h178 0.064 / 0.902, h179 0.071 / 0.840, h180 0.092 / 0.813 (mean 0.071 /
0.860, on 91fe92f); h185 0.086 / 0.879, h186 0.091 / 0.804, h187 0.056 / 0.902, h188
0.119 / 0.804, h189 0.092 / 0.857, h190 0.094 / 0.770, h191 0.060 / 0.912, h192 0.060 /
0.930 (mean 0.082 / 0.857, on that session's code with the models refitted on h1-h180:
the starting code gave 0.085 / 0.847). The models were then refitted on every set but
h181-h184, that session's record round, written at its start and kept out of the
fixtures and the fit until scored once on the final code: 0.067 / 0.896, 0.087 / 0.810,
0.108 / 0.856, 0.085 / 0.862 (mean 0.087 / 0.856; the starting code 0.085 / 0.858).
The session's last refit (below) fitted on them too; bounds are the level it reached.
Then sets written to a second brief, like the seed dump (one broad subject a dump,
little furniture, half the pages with no header; fixtures/segment/WRITERS-SEEDLIKE.md),
first scored on 7820ee8: h193 0.067 / 0.925, h194 0.100 / 0.863, h195 0.097 / 0.863,
h196 0.064 / 0.911 (mean 0.082 / 0.891). After the sparse-text changes fitted on them
(a refit on every set but h197-h200), the seed-like record round, written blind and
scored once on that final code: h197 0.145 / 0.813, h198 0.070 / 0.909, h199 0.110 /
0.874, h200 0.079 / 0.882 (mean 0.101 / 0.870; the session's starting code 0.107 /
0.862). Then the sparse weight went to 0.5, h197-h200 joined the fit, and eight more
seed-like writers wrote: h201-h204, first scored on that code, 0.093 / 0.855, 0.079 /
0.915, 0.093 / 0.887, 0.090 / 0.889 (mean 0.089 / 0.886; da27001 gave 0.096 / 0.875);
then a refit on every set but h205-h208, the last record round, scored once on the
final code: 0.079 / 0.907, 0.111 / 0.854, 0.081 / 0.875, 0.092 / 0.868 (mean 0.091 /
0.876; the starting code 0.099 / 0.872, da27001 0.096 / 0.870).
The twenty-first session tuned on h205-h208, then four more seed-like writers wrote
h213-h216, first scored on f5e16b7: h213 0.132 / 0.842, h214 0.118 / 0.863, h215 0.082 /
0.885, h216 0.089 / 0.850 (mean 0.105 / 0.860); tuned on with error reviews, the models
refitted on every set. Then h217-h220, first scored on d594c72: h217 0.091 / 0.881,
h218 0.104 / 0.823, h219 0.095 / 0.881, h220 0.096 / 0.872 (mean 0.096 / 0.864); tuned
on, refitted on. Then h221-h224, first scored on 858e57d: h221 0.081 / 0.901, h222
0.076 / 0.888, h223 0.111 / 0.833, h224 0.088 / 0.898 (mean 0.089 / 0.880); one fix from
them, then fitted on. h209-h212, that session's record round, written at its start and
kept out of the fixtures and the fit until scored once on its final code (1869067):
h209 0.093 / 0.884, h210 0.077 / 0.903, h211 0.051 / 0.954, h212 0.139 / 0.845 (mean
0.090 / 0.897; the starting code f19a99b 0.103 / 0.885). Then h225-h228, first scored on
1869067 (h226 0.085 / 0.889) and 6526803 (h225 0.107 / 0.853, h227 0.057 / 0.915, h228
0.081 / 0.873): mean 0.083 / 0.883; tuned on, and the models refitted on every set but
h229-h232, the session's second record round. Bounds are the level of that refit.
h229-h232, written blind late in the session, scored once on its final code (d51a7a5):
h229 0.075 / 0.901, h230 0.058 / 0.948, h231 0.085 / 0.866, h232 0.070 / 0.911 (mean
0.072 / 0.907; the starting code f19a99b 0.085 / 0.881). Their bounds are those scores.
h233-h236, a third round written at the session's very end and scored once on its last
code (03e376f): h233 0.108 / 0.868, h234 0.086 / 0.900, h235 0.087 / 0.858, h236 0.106
/ 0.839 (mean 0.097 / 0.866; the starting code 0.117 / 0.835). Bounds: those scores.
The twenty-second session made the choice among a run's cue-less splits a learned one
(worker/cueless.py) and refitted the placement and the check on what it leaves; every
set's bound moved to its score on that code (35 sets lost a little, the seed-like ones
went from 0.0743 / 0.9018 to 0.0662 / 0.9130 on the whole). h237-h240, a seed-like
round written blind at that session's start and kept out of every fit, scored once on
its final code (fea797e): h237 0.064 / 0.934, h238 0.050 / 0.935, h239 0.120 / 0.814,
h240 0.091 / 0.881 (mean 0.081 / 0.891; the starting code 0.088 / 0.883). The three
learned models were then refitted with them (1,260 written dumps and the seed), and every
set's bound moved to its score on that refit.
The twenty-third session's h241-h244, written blind at its start, scored once on its
starting code (982863f): h241 0.042 / 0.945, h242 0.085 / 0.864, h243 0.048 / 0.941,
h244 0.041 / 0.959 (mean 0.054 / 0.927). Fixes from their review (an appeal's pitch, a
bare "Updated" time, a row of kind, date and writer, a photo between two stories as
evidence of the cue-less choice) took them to 0.047 / 0.941 before they were fitted on;
the models were then refitted with them (1,284 written dumps and the seed), and every
set's bound moved to its score on that refit. After one more fix (a headline with a dek
is no section) and a refit, h245-h248, a second seed-like round written blind during
the session and kept out of everything until then, scored once on that code (b6d6ce0):
h245 0.064 / 0.910, h246 0.073 / 0.910, h247 0.053 / 0.935, h248 0.037 / 0.935 (mean
0.057 / 0.923; the starting code 982863f 0.059 / 0.918). Then refitted with them (1,308
written dumps and the seed); bounds at that refit.
The twenty-fourth session's h249-h252 and h253-h256, written blind at and near its
start, scored on its starting code (98084bd): h249 0.053 / 0.912, h250 0.034 / 0.963,
h251 0.055 / 0.952, h252 0.055 / 0.946 (mean 0.049 / 0.943); h253 0.067 / 0.934, h254
0.064 / 0.918, h255 0.064 / 0.921, h256 0.032 / 0.964 (mean 0.057 / 0.935). Kept out of
everything while the cue-less choice became a fitted choice per run, and scored once on
that code (5603bb3): h249 0.057 / 0.903, h250 0.044 / 0.962, h251 0.061 / 0.946, h252
0.061 / 0.930 (mean 0.056 / 0.935); h253 0.077 / 0.918, h254 0.064 / 0.918, h255 0.058
/ 0.929, h256 0.025 / 0.972 (mean 0.056 / 0.934). Then refitted with them (1,356
written dumps and the seed), and again after two more features of the cue-less choice
(a lead's length, a quoting run); bounds at that last refit.
The twenty-fifth session's h257-h260, written blind at its start, scored on its
starting code (f9a05bb): h257 0.062 / 0.914, h258 0.056 / 0.908, h259 0.042 / 0.937, h260
0.054 / 0.924 (mean 0.054 / 0.921); on the code with the session's two fixes (a column's
"It is tempting ... to" opening may be a cue-less start; a long headline in headlinese
under a paragraph is not held back by section similarity), models refitted without
them, the same to the third decimal. Then refitted with them (1,380 written dumps and
the seed). h261-h264, written blind during the session and scored once on its code
with one more feature of the cue-less choice (5ad16eb): h261 0.073 / 0.904, h262 0.046
/ 0.944, h263 0.062 / 0.911, h264 0.049 / 0.933 (mean 0.058 / 0.923; the starting code
gave the same). Then refitted with them (1,404 written dumps and the seed); bounds at
that refit.
The twenty-sixth session's h265-h268, written blind at its start, scored on its
starting code (1399b56): h265 0.052 / 0.933, h266 0.026 / 0.960, h267 0.031 / 0.953,
h268 0.031 / 0.973 (mean 0.035 / 0.955); on the code with its three fixes (9017eb9: a
lead under a photo whose credit has no stop, a cookie banner left to the placement, a
dated post's byline), models refitted without them: h265 0.050 / 0.933, h266 0.026 /
0.960, h267 0.028 / 0.953, h268 0.025 / 0.973 (mean 0.032 / 0.955). Then refitted with
them (1,428 written dumps and the seed). h269-h272, written blind during the session,
scored once on that code (d424351): h269 0.049 / 0.945, h270 0.056 / 0.935, h271 0.040
/ 0.939, h272 0.029 / 0.959 (mean 0.044 / 0.944; the starting code 0.045 / 0.941). Then
refitted with them (1,452 written dumps and the seed, the new-split threshold 1.2);
bounds at that refit.
The twenty-seventh session's h273-h276, written blind at its start, scored on its
starting code (1af2582): h273 0.033 / 0.959, h274 0.042 / 0.950, h275 0.028 / 0.977,
h276 0.068 / 0.918 (mean 0.043 / 0.951); on the code with its fixes (d1e95e1: wire
credits, gift appeals, donation asks and appeal teasers as page ends), models refitted
without them: h273 0.033 / 0.959, h274 0.037 / 0.957, h275 0.028 / 0.977, h276 0.066 /
0.918 (mean 0.041 / 0.953). Then refitted with them (1,476 written dumps and the
seed); bounds at that refit.
The twenty-eighth session's h277-h280, written blind at its start, scored on its
starting code (2512933): h277 0.028 / 0.957, h278 0.013 / 0.975, h279 0.068 / 0.916,
h280 0.052 / 0.920 (mean 0.040 / 0.942); on the code with its fixes (eed2663: opinion
disclaimers as page ends, two-writer bylines, two-sentence comment headlines, kickers,
membership buttons, a brief's last label), the models not refitted: h277 0.018 / 0.983,
h278 0.013 / 0.975, h279 0.058 / 0.939, h280 0.036 / 0.948 (mean 0.031 / 0.961). Then
refitted with them (1,500 written dumps and the seed); bounds at that refit.
Its h281-h284, written blind during it, scored once on that code (68525eb): h281 0.039
/ 0.950, h282 0.066 / 0.933, h283 0.077 / 0.905, h284 0.032 / 0.954 (mean 0.054 /
0.936; the starting code 0.053 / 0.937); with the fixes from them (a629ff6, 4b12833:
dash-led input credits, accented datelines, writers named with their institute, an
interview's first question), no refit: h281 0.039 / 0.950, h282 0.063 / 0.940, h283
0.052 / 0.936, h284 0.015 / 0.974 (mean 0.042 / 0.950). Then refitted with them (1,524
written dumps and the seed); bounds at that refit.
Its h285-h288, written blind during it, scored once on that code (2734619): h285 0.061
/ 0.941, h286 0.045 / 0.953, h287 0.036 / 0.959, h288 0.032 / 0.968 (mean 0.043 /
0.955; the starting code 0.041 / 0.957). Then refitted with them (1,548 written dumps
and the seed); bounds at that refit.
The twenty-ninth session's h289-h292, written blind at its start, scored on its
starting code (7843c45): h289 0.028 / 0.965, h290 0.054 / 0.915, h291 0.079 / 0.910,
h292 0.057 / 0.930 (mean 0.055 / 0.930); on the code with its fixes (f4d8ae1: campaign
and fund buttons, reader-funded pitches, a map's credit, sparse captions with their
credit, an explainer's later questions), no refit: h289 0.028 / 0.965, h290 0.024 /
0.978, h291 0.065 / 0.936, h292 0.045 / 0.944 (mean 0.040 / 0.956). Then refitted with
them (1,572 written dumps and the seed); bounds at that refit.
Its h293-h296, written blind during it, scored once on that code with one more fix
(c8a6329: an explainer's questions count as its text): h293 0.058 / 0.923, h294 0.070 /
0.919, h295 0.048 / 0.910, h296 0.045 / 0.947 (mean 0.055 / 0.925; the starting code
0.053 / 0.927); with the fixes from them (c0c2064: an editorial's "view on" title, a
charity's asks, a call-out for tips, a kicker over a headline), no refit: h293 0.054 /
0.938, h294 0.049 / 0.944, h295 0.048 / 0.909, h296 0.027 / 0.978 (mean 0.044 / 0.942).
Then refitted with them (1,596 written dumps and the seed); bounds at that refit.
Its h297-h300, written blind during it, scored once on that code with one more fix
(bc9c0f8: a split over a related link): h298 0.046 / 0.947, h299 0.027 / 0.946, h300
0.086 / 0.887; h297, which came last, on the code one fix later (fcd4801: a writer's
office as a bio): 0.036 / 0.964 (mean of the four 0.049 / 0.936; the starting code
0.053 / 0.930); with the fixes from them (fcd4801, e43d7ee: that bio, "Before you go"
and a one-minute ask as appeals), no refit: h297 0.036 / 0.964, h298 0.046 / 0.947,
h299 0.024 / 0.954, h300 0.074 / 0.902 (mean 0.045 / 0.942). Then refitted with them
(1,620 written dumps and the seed); bounds at that refit.
Its h301-h304, written blind late in it, scored once on e0b3d3a (one fix more: a
reported sentence is no caption): h301 0.072 / 0.899, h302 0.020 / 0.972, h303 0.028 /
0.977, h304 0.046 / 0.936 (mean 0.041 / 0.946; the starting code 0.044 / 0.944); with
the fixes from them (10de7b4: a bare donate button ends its appeal in sparse text, two
more appeals), no refit: h301 0.059 / 0.915, h302 0.020 / 0.972, h303 0.028 / 0.977,
h304 0.040 / 0.945 (mean 0.037 / 0.952). Then refitted with them (1,644 written dumps
and the seed; the new-split threshold 1.35, the seed's quoting post at +1.25); bounds
at that refit.
The thirtieth session's h305-h312, written blind at its start (eight writers, two
rounds of four), scored on its starting code (aea62df): h305 0.026 / 0.949, h306 0.045
/ 0.931, h307 0.057 / 0.917, h308 0.028 / 0.968 (mean 0.039 / 0.941); h309 0.048 /
0.902, h310 0.064 / 0.912, h311 0.047 / 0.953, h312 0.037 / 0.929 (mean 0.049 /
0.924); with the fixes from them (cf0aff6: an interview's first question, a
statement's signature, "Go deeper", what a gift buys), no refit: h305 0.024 / 0.964,
h306 0.045 / 0.931, h307 0.057 / 0.917, h308 0.021 / 0.981 (mean 0.037 / 0.948); h309
0.042 / 0.920, h310 0.058 / 0.919, h311 0.041 / 0.960, h312 0.029 / 0.955 (mean 0.043
/ 0.939). Then refitted with them (1,692 written dumps and the seed; names no longer
first-word features; the new-split threshold 1.65, the seed's quoting post at +1.55);
bounds at that refit.
Its h313-h316, written blind during it, scored once on that refit (4b7c7ce): h313
0.054 / 0.933, h314 0.033 / 0.965, h315 0.041 / 0.936, h316 0.025 / 0.966 (mean 0.038
/ 0.950; the starting code 0.037 / 0.952); with the fixes from them (d7eefef: a who's
who, a headline that asks under an interview's closing note), no refit: h313 0.048 /
0.940, h315 0.033 / 0.959, the others the same (mean 0.035 / 0.958). Then refitted
with them (1,716 written dumps and the seed; the seed's quoting post at +1.60, the
new-split threshold 1.7); bounds at that refit.
Its h317-h320, written blind late in it, scored once on that refit (fc7a765): h317
0.036 / 0.949, h318 0.025 / 0.974, h319 0.076 / 0.903, h320 0.055 / 0.926 (mean 0.048
/ 0.938; the starting code 0.049 / 0.937); with the fixes from them (34faaa2: an
interviewer's questions are no explainer's titles), no refit: h319 0.074 / 0.903, h320
0.052 / 0.933, the others the same (mean 0.047 / 0.940).
Its last record round, h321-h324, written blind late in it, scored once on eff3ba0
(those models): h321 0.080 / 0.886, h322 0.061 / 0.932, h323 0.077 / 0.911, h324 0.039
/ 0.946 (mean 0.064 / 0.919); the starting code 0.057 / 0.927: the session's refits,
their new-split threshold raised to 1.7 to keep the seed whole, cost recall of cue-less
starts. So the cue-less choice was refitted with the seed counted ten times (the seed's
quoting post at +0.36) and the threshold back at 1.35 (six folds: 0.0422 / 0.9466
against 0.0431 / 0.9455), with h317-h320 in its fit; the placement and the check stay
those of fc7a765 (a refit of them dropped a synthetic start the tests keep). On that
code h321-h324 give 0.059 / 0.924 (h323 0.064 / 0.925, h324 0.033 / 0.953, the others
the same); they join the fixtures, not the fit. Bounds at that refit.
The thirty-first session's first round, h325-h328, written blind, scored once on that
code (c2cfc31): h325 0.031 / 0.961, h326 0.072 / 0.908, h327 0.029 / 0.969, h328 0.044
/ 0.953 (mean 0.044 / 0.948). Then a writer's note left without its full stop became a
bio (f354fca), and the cue-less choice was refitted with h321-h328, the seed counted
twenty times and its new-split threshold at 0.0, the choice's own boundary (six folds
over 816 seed-like dumps: 0.0387 / 0.9502 against 0.0426 / 0.9461 at 1.35; the seed's
post at -0.30). Bounds at that refit (h325-h328 in sample).
Its second round, h329-h332, written blind to a harder brief (several reports of one
event in a row, each opening on its lead with no header), scored once on 9dd5e2a (that
refit and three more fixes): h329 0.045 / 0.923, h330 0.101 / 0.845, h331 0.050 / 0.949,
h332 0.077 / 0.889 (mean 0.068 / 0.902); the session's starting code (c2cfc31) gives
0.080 / 0.900 on them (0.044 / 0.947, 0.131 / 0.834, 0.065 / 0.933, 0.079 / 0.886).
The cue-less choice was then refitted with them (1,813 dumps; the seed's post at -0.24),
and the bounds reset at that refit.
Its third round, h333-h336, written blind to the usual brief, scored once on b4ad68c (the
session's fixes and that refit): h333 0.028 / 0.962, h334 0.017 / 0.967, h335 0.074 /
0.906, h336 0.081 / 0.876 (mean 0.050 / 0.928); the starting code (c2cfc31) gives 0.067 /
0.920 on them (0.039 / 0.948, 0.048 / 0.945, 0.095 / 0.890, 0.088 / 0.898).
Then one more fix ("Give to the legal fund") and a last refit of the cue-less choice
with h333-h336 (1,837 dumps; the seed's post at -0.26); bounds at that refit.
Its last round, h337-h340, written blind late in it, scored once on that code (1163da1):
h337 0.044 / 0.915, h338 0.035 / 0.961, h339 0.055 / 0.910, h340 0.070 / 0.892 (mean
0.051 / 0.920); the starting code gives 0.063 / 0.909 on them (0.076 / 0.883, 0.035 /
0.960, 0.062 / 0.902, 0.080 / 0.889). One fix from them ("X is funded by its members" is
an appeal); they join the fixtures, not the fit: a refit with them raised the seed's post
to -0.17 for no gain in sample (12 sets better, 11 worse). Bounds on that code.
Session 32. Its first round, h341-h344, written blind to the usual brief (water, technology,
universities, transport), scored once on 2a496d7 (three rule fixes from h330-h340): h341
0.024 / 0.956, h342 0.019 / 0.981, h343 0.021 / 0.950, h344 0.058 / 0.880 (mean 0.031 /
0.941); the session's starting code (7653887) gives the same on them.
Its second round, h345-h348 (farming, courts, culture and sport, energy), scored once on
d55029d (six more rule fixes): h345 0.016 / 0.962, h346 0.050 / 0.917, h347 0.038 /
0.929, h348 0.045 / 0.953 (mean 0.037 / 0.940); the starting code gives 0.039 / 0.939.
Its third round, h349-h352 (health, housing, diplomacy, business), scored once on 243573c
(four more fixes): h349 0.064 / 0.932, h350 0.039 / 0.950, h351 0.050 / 0.928, h352
0.085 / 0.898 (mean 0.059 / 0.927); the starting code gives 0.059 / 0.927.
Bounds on the session's final code (046087d), the learned models not refitted.
Session 33. Its first round, h353-h356, written blind to the usual brief (elections,
oceans and shipping, policing and public safety, science), scored once on f71119f (the
segmenter of b4a51f8): h353 0.039 / 0.933, h354 0.050 / 0.940, h355 0.051 / 0.903, h356
0.028 / 0.948 (mean 0.042 / 0.931).
Its second round, h357-h360 (migration, media, extreme weather, trade), scored once on
22a6dbd (eleven fixes): h357 0.075 / 0.887, h358 0.047 / 0.902, h359 0.040 / 0.916, h360
0.049 / 0.929 (mean 0.053 / 0.908); the session's starting code gives 0.054 / 0.905.
Bounds reset on the session's final code (76c0089), the learned models not refitted.
Session 34. Its first round, h361-h364, written blind to the usual brief (labour and
unions, tourism and heritage, wildlife and conservation, schools and childcare), scored
once on a69f522 (three fixes): h361 0.044 / 0.944, h362 0.032 / 0.966, h363 0.045 / 0.917,
h364 0.004 / 0.987 (mean 0.032 / 0.954); the session's starting code (7f777a4) gives the
same.
Its second round, h365-h368 (defence, banking and personal finance, religion, consumers
and retail), scored once on 219fd77 (nine fixes): h365 0.011 / 0.993, h366 0.042 / 0.938,
h367 0.038 / 0.961, h368 0.033 / 0.955 (mean 0.031 / 0.962); the starting code gives
0.031 / 0.962, and the learned models refitted with h361-h364 0.031 / 0.962 (not kept).
Its third round, h369-h372 (aviation, mining, telecoms and the internet, prisons),
scored once on 27ffbf0 (seventeen fixes): h369 0.036 / 0.919, h370 0.060 / 0.928, h371
0.032 / 0.966, h372 0.029 / 0.941 (mean 0.039 / 0.938); the starting code gives 0.038 /
0.943 (two appeal fixes cost h371-6 and h372-3 a start each; one is won back after).
Its fourth round, h373-h376 (medicines, gambling, the garment industry, sport
governance), scored once on 5dce568 (twenty-one fixes): h373 0.048 / 0.919, h374 0.029 /
0.956, h375 0.041 / 0.959, h376 0.041 / 0.949 (mean 0.040 / 0.946); the starting code
gives 0.040 / 0.946. The four rounds' 96 dumps: 0.035 / 0.950 on first contact, 0.035 /
0.951 on the starting code.
Its fifth round, h377-h380 (care homes, wildfires and forestry, cities and planning,
the space industry), scored once on the session's final code (3e3c5e1): h377 0.020 /
0.981, h378 0.038 / 0.967, h379 0.030 / 0.956, h380 0.026 / 0.949 (mean 0.029 / 0.963);
the starting code gives 0.029 / 0.960. The five rounds' 120 dumps: 0.034 / 0.953 on
first contact, 0.034 / 0.953 on the starting code.
The thirty-fifth session's first round, h381-h384 (ports and shipping, pensions,
archaeology and museums, food safety), scored once on its starting code (fe10b25): h381
0.056 / 0.938, h382 0.080 / 0.890, h383 0.032 / 0.962, h384 0.041 / 0.942 (mean 0.052 /
0.933); the three learned models refitted on every set up to h380 give 0.053 / 0.931.
Its second round, h385-h388 (fisheries, books and libraries, insurance, postal
services), scored once on 19c109d (two fixes): h385 0.080 / 0.899, h386 0.045 / 0.910,
h387 0.041 / 0.961, h388 0.015 / 0.987 (mean 0.045 / 0.939); the starting code gives
the same, the refitted models 0.045 / 0.939.
Its third round, h389-h392 (tobacco and vaping, industrial pollution, taxes, building
safety), scored once on e7a2379 (eight fixes): h389 0.023 / 0.974, h390 0.045 / 0.940,
h391 0.040 / 0.941, h392 0.092 / 0.885 (mean 0.050 / 0.935); the starting code gives
the same. Its fourth round, h393-h396 (pets and vets, cosmetics, coffee and cocoa, video
games), scored once on the session's final code (34a0bc1): h393 0.019 / 0.981, h394
0.048 / 0.930, h395 0.059 / 0.915, h396 0.059 / 0.922 (mean 0.046 / 0.937); the
starting code gives 0.048 / 0.932. The four rounds' 96 dumps: 0.048 / 0.936 on first
contact.
The thirty-sixth session's first round, h397-h400 (forestry and timber, dentistry and
eye care, funerals and cemeteries, minority languages and translation), scored once on
its starting code (bb13fe9): h397 0.046 / 0.948, h398 0.046 / 0.923, h399 0.047 /
0.945, h400 0.032 / 0.931 (mean 0.043 / 0.937).
Its second round, h401-h404 (railways, charities and lotteries, dams and hydropower,
electronics repair), scored once on e495e12 (seven fixes): h401 0.049 / 0.953, h402
0.019 / 0.977, h403 0.030 / 0.949, h404 0.072 / 0.919 (mean 0.043 / 0.950); the
starting code gives the same.
Its third round, h405-h408 (beekeeping and pesticides, municipal elections, the music
industry, steel and factory closures), scored once on 36ce51b (eight fixes): h405 0.049 /
0.904, h406 0.038 / 0.956, h407 0.034 / 0.943, h408 0.048 / 0.914 (mean 0.042 / 0.929);
the starting code gives 0.046 / 0.924.
Its fourth round, h409-h412 (hospitals and nursing, cryptocurrency and fraud, drought
and famine relief, theatre and film funding), scored once on the session's final code
(bc5043e): h409 0.032 / 0.953, h410 0.025 / 0.949, h411 0.028 / 0.966, h412 0.034 /
0.926 (mean 0.030 / 0.949); the starting code gives the same. The four rounds' 96
dumps: 0.039 / 0.941 on first contact.
Scoring uses the project's shared scorer (../shared/eval/score_segmentation.py).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from worker.segment import segment_file

HERE = Path(__file__).parent / "fixtures" / "segment" / "heldout"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_segmentation.py"

# set: (max mean Pk, min mean boundary F1 at ±1 line)
BOUNDS = {
    "h1": (0.007, 0.999),
    "h2": (0.001, 0.999),
    "h3": (0.026, 0.984),
    "h4": (0.01, 0.989),
    "h5": (0.017, 0.98),
    "h6": (0.039, 0.943),
    "h7": (0.004, 0.999),
    "h8": (0.001, 0.999),
    "h9": (0.001, 0.999),
    "h10": (0.004, 0.999),
    "h11": (0.004, 0.999),
    "h12": (0.001, 0.999),
    "h13": (0.025, 0.976),
    "h14": (0.001, 0.999),
    "h15": (0.015, 0.987),
    "h16": (0.015, 0.987),
    "h17": (0.012, 0.988),
    "h18": (0.015, 0.951),
    "h19": (0.012, 0.964),
    "h20": (0.053, 0.893),
    "h21": (0.034, 0.946),
    "h22": (0.036, 0.96),
    "h23": (0.001, 0.999),
    "h24": (0.012, 0.988),
    "h25": (0.023, 0.975),
    "h26": (0.013, 0.985),
    "h27": (0.012, 0.988),
    "h28": (0.001, 0.999),
    "h29": (0.004, 0.999),
    "h30": (0.001, 0.999),
    "h31": (0.005, 0.988),
    "h32": (0.014, 0.977),
    "h33": (0.024, 0.976),
    "h34": (0.011, 0.988),
    "h35": (0.007, 0.988),
    "h36": (0.007, 0.999),
    "h37": (0.013, 0.966),
    "h38": (0.012, 0.987),
    "h39": (0.033, 0.932),
    "h40": (0.001, 0.999),
    "h41": (0.044, 0.932),
    "h42": (0.012, 0.988),
    "h43": (0.034, 0.955),
    "h44": (0.001, 0.999),
    "h45": (0.018, 0.979),
    "h46": (0.027, 0.965),
    "h47": (0.003, 0.999),
    "h48": (0.018, 0.983),
    "h49": (0.04, 0.903),
    "h50": (0.018, 0.979),
    "h51": (0.016, 0.985),
    "h52": (0.034, 0.965),
    "h53": (0.005, 0.999),
    "h54": (0.031, 0.967),
    "h55": (0.031, 0.968),
    "h56": (0.009, 0.999),
    "h57": (0.058, 0.919),
    "h58": (0.008, 0.965),
    "h59": (0.032, 0.956),
    "h60": (0.013, 0.971),
    "h61": (0.026, 0.935),
    "h62": (0.042, 0.925),
    "h63": (0.017, 0.981),
    "h64": (0.045, 0.917),
    "h65": (0.018, 0.981),
    "h66": (0.049, 0.951),
    "h67": (0.043, 0.948),
    "h68": (0.102, 0.842),
    "h69": (0.017, 0.981),
    "h70": (0.062, 0.939),
    "h71": (0.024, 0.934),
    "h72": (0.015, 0.983),
    "h73": (0.047, 0.928),
    "h74": (0.02, 0.932),
    "h75": (0.124, 0.83),
    "h76": (0.035, 0.965),
    "h77": (0.005, 0.999),
    "h78": (0.028, 0.955),
    "h79": (0.013, 0.986),
    "h80": (0.038, 0.948),
    "h81": (0.012, 0.986),
    "h82": (0.024, 0.962),
    "h83": (0.018, 0.986),
    "h84": (0.008, 0.975),
    "h85": (0.007, 0.999),
    "h86": (0.02, 0.976),
    "h87": (0.019, 0.964),
    "h88": (0.036, 0.958),
    "h89": (0.034, 0.959),
    "h90": (0.018, 0.965),
    "h91": (0.012, 0.975),
    "h92": (0.001, 0.999),
    "h93": (0.043, 0.943),
    "h94": (0.033, 0.962),
    "h95": (0.069, 0.91),
    "h96": (0.051, 0.945),
    "h97": (0.013, 0.983),
    "h98": (0.026, 0.978),
    "h99": (0.042, 0.946),
    "h100": (0.037, 0.962),
    "h101": (0.064, 0.93),
    "h102": (0.052, 0.939),
    "h103": (0.04, 0.959),
    "h104": (0.043, 0.958),
    "h105": (0.045, 0.933),
    "h106": (0.023, 0.973),
    "h107": (0.065, 0.911),
    "h108": (0.031, 0.971),
    "h109": (0.058, 0.921),
    "h110": (0.04, 0.93),
    "h111": (0.043, 0.937),
    "h112": (0.1, 0.841),
    "h113": (0.058, 0.908),
    "h114": (0.049, 0.912),
    "h115": (0.066, 0.918),
    "h116": (0.04, 0.95),
    "h117": (0.037, 0.91),
    "h118": (0.057, 0.89),
    "h119": (0.045, 0.899),
    "h120": (0.045, 0.922),
    "h121": (0.043, 0.934),
    "h122": (0.059, 0.904),
    "h123": (0.037, 0.941),
    "h124": (0.037, 0.917),
    "h125": (0.062, 0.896),
    "h126": (0.033, 0.958),
    "h127": (0.052, 0.92),
    "h128": (0.035, 0.947),
    "h129": (0.058, 0.917),
    "h130": (0.078, 0.873),
    "h131": (0.028, 0.925),
    "h132": (0.034, 0.93),
    "h133": (0.058, 0.889),
    "h134": (0.064, 0.893),
    "h135": (0.056, 0.9),
    "h136": (0.042, 0.9),
    "h137": (0.041, 0.921),
    "h138": (0.014, 0.968),
    "h139": (0.03, 0.965),
    "h140": (0.024, 0.967),
    "h141": (0.036, 0.923),
    "h142": (0.043, 0.894),
    "h143": (0.036, 0.96),
    "h144": (0.068, 0.909),
    "h145": (0.068, 0.885),
    "h146": (0.051, 0.889),
    "h147": (0.066, 0.903),
    "h148": (0.045, 0.934),
    "h149": (0.051, 0.926),
    "h150": (0.059, 0.855),
    "h151": (0.047, 0.926),
    "h152": (0.045, 0.924),
    "h153": (0.095, 0.819),
    "h154": (0.046, 0.943),
    "h155": (0.041, 0.87),
    "h156": (0.065, 0.886),
    "h157": (0.037, 0.929),
    "h158": (0.048, 0.873),
    "h159": (0.037, 0.915),
    "h160": (0.065, 0.868),
    "h161": (0.065, 0.892),
    "h162": (0.059, 0.921),
    "h163": (0.053, 0.913),
    "h164": (0.04, 0.92),
    "h165": (0.019, 0.963),
    "h166": (0.064, 0.896),
    "h167": (0.09, 0.766),
    "h168": (0.049, 0.875),
    "h169": (0.072, 0.85),
    "h170": (0.042, 0.91),
    "h171": (0.039, 0.923),
    "h172": (0.091, 0.879),
    "h173": (0.063, 0.904),
    "h174": (0.089, 0.873),
    "h175": (0.042, 0.898),
    "h176": (0.074, 0.866),
    "h177": (0.04, 0.921),
    "h178": (0.057, 0.924),
    "h179": (0.067, 0.837),
    "h180": (0.084, 0.831),
    "h181": (0.036, 0.933),
    "h182": (0.083, 0.821),
    "h183": (0.061, 0.901),
    "h184": (0.035, 0.946),
    "h185": (0.078, 0.883),
    "h186": (0.057, 0.892),
    "h187": (0.032, 0.932),
    "h188": (0.088, 0.854),
    "h189": (0.063, 0.9),
    "h190": (0.053, 0.885),
    "h191": (0.041, 0.93),
    "h192": (0.047, 0.936),
    "h193": (0.031, 0.968),
    "h194": (0.033, 0.959),
    "h195": (0.035, 0.947),
    "h196": (0.022, 0.962),
    "h197": (0.013, 0.991),
    "h198": (0.024, 0.971),
    "h199": (0.066, 0.931),
    "h200": (0.051, 0.922),
    "h201": (0.064, 0.898),
    "h202": (0.036, 0.968),
    "h203": (0.049, 0.936),
    "h204": (0.031, 0.962),
    "h205": (0.037, 0.955),
    "h206": (0.063, 0.926),
    "h207": (0.005, 0.983),
    "h208": (0.035, 0.958),
    "h209": (0.021, 0.983),
    "h210": (0.047, 0.947),
    "h211": (0.057, 0.935),
    "h212": (0.075, 0.92),
    "h213": (0.075, 0.914),
    "h214": (0.068, 0.919),
    "h215": (0.021, 0.957),
    "h216": (0.038, 0.928),
    "h217": (0.057, 0.918),
    "h218": (0.061, 0.894),
    "h219": (0.032, 0.975),
    "h220": (0.032, 0.94),
    "h221": (0.03, 0.971),
    "h222": (0.042, 0.935),
    "h223": (0.04, 0.958),
    "h224": (0.039, 0.94),
    "h225": (0.041, 0.943),
    "h226": (0.031, 0.965),
    "h227": (0.021, 0.962),
    "h228": (0.061, 0.892),
    "h229": (0.029, 0.961),
    "h230": (0.023, 0.978),
    "h231": (0.046, 0.944),
    "h232": (0.043, 0.943),
    "h233": (0.058, 0.917),
    "h234": (0.055, 0.943),
    "h235": (0.039, 0.948),
    "h236": (0.069, 0.899),
    "h237": (0.044, 0.955),
    "h238": (0.053, 0.944),
    "h239": (0.084, 0.893),
    "h240": (0.056, 0.934),
    "h241": (0.02, 0.983),
    "h242": (0.036, 0.962),
    "h243": (0.04, 0.938),
    "h244": (0.023, 0.979),
    "h245": (0.05, 0.935),
    "h246": (0.057, 0.931),
    "h247": (0.037, 0.958),
    "h248": (0.025, 0.947),
    "h249": (0.041, 0.939),
    "h250": (0.043, 0.96),
    "h251": (0.037, 0.964),
    "h252": (0.041, 0.946),
    "h253": (0.053, 0.94),
    "h254": (0.023, 0.97),
    "h255": (0.031, 0.963),
    "h256": (0.022, 0.971),
    "h257": (0.038, 0.942),
    "h258": (0.045, 0.927),
    "h259": (0.031, 0.936),
    "h260": (0.04, 0.954),
    "h261": (0.05, 0.918),
    "h262": (0.038, 0.962),
    "h263": (0.052, 0.934),
    "h264": (0.032, 0.961),
    "h265": (0.019, 0.976),
    "h266": (0.005, 0.992),
    "h267": (0.017, 0.965),
    "h268": (0.023, 0.979),
    "h269": (0.02, 0.979),
    "h270": (0.042, 0.955),
    "h271": (0.033, 0.96),
    "h272": (0.029, 0.965),
    "h273": (0.014, 0.991),
    "h274": (0.015, 0.978),
    "h275": (0.02, 0.983),
    "h276": (0.045, 0.94),
    "h277": (0.011, 0.991),
    "h278": (0.013, 0.98),
    "h279": (0.044, 0.956),
    "h280": (0.032, 0.952),
    "h281": (0.022, 0.971),
    "h282": (0.028, 0.975),
    "h283": (0.025, 0.975),
    "h284": (0.006, 0.986),
    "h285": (0.052, 0.948),
    "h286": (0.046, 0.951),
    "h287": (0.035, 0.964),
    "h288": (0.037, 0.96),
    "h289": (0.026, 0.971),
    "h290": (0.006, 0.986),
    "h291": (0.052, 0.949),
    "h292": (0.039, 0.965),
    "h293": (0.036, 0.96),
    "h294": (0.035, 0.959),
    "h295": (0.031, 0.954),
    "h296": (0.037, 0.954),
    "h297": (0.037, 0.962),
    "h298": (0.049, 0.946),
    "h299": (0.022, 0.969),
    "h300": (0.073, 0.9),
    "h301": (0.054, 0.931),
    "h302": (0.019, 0.972),
    "h303": (0.022, 0.983),
    "h304": (0.034, 0.959),
    "h305": (0.02, 0.976),
    "h306": (0.041, 0.936),
    "h307": (0.04, 0.942),
    "h308": (0.009, 0.992),
    "h309": (0.018, 0.967),
    "h310": (0.04, 0.93),
    "h311": (0.048, 0.952),
    "h312": (0.024, 0.96),
    "h313": (0.04, 0.945),
    "h314": (0.022, 0.978),
    "h315": (0.025, 0.965),
    "h316": (0.022, 0.971),
    "h317": (0.036, 0.947),
    "h318": (0.02, 0.98),
    "h319": (0.063, 0.916),
    "h320": (0.053, 0.931),
    "h321": (0.043, 0.94),
    "h322": (0.047, 0.948),
    "h323": (0.047, 0.946),
    "h324": (0.03, 0.959),
    "h325": (0.031, 0.966),
    "h326": (0.044, 0.952),
    "h327": (0.02, 0.974),
    "h328": (0.031, 0.966),
    "h329": (0.041, 0.928),
    "h330": (0.101, 0.866),
    "h331": (0.049, 0.948),
    "h332": (0.072, 0.894),
    "h333": (0.03, 0.961),
    "h334": (0.019, 0.965),
    "h335": (0.053, 0.929),
    "h336": (0.074, 0.889),
    "h337": (0.044, 0.919),
    "h338": (0.035, 0.96),
    "h339": (0.055, 0.908),
    "h340": (0.059, 0.905),
    "h341": (0.019, 0.986),
    "h342": (0.015, 0.986),
    "h343": (0.02, 0.961),
    "h344": (0.044, 0.899),
    "h345": (0.018, 0.96),
    "h346": (0.05, 0.915),
    "h347": (0.031, 0.941),
    "h348": (0.046, 0.952),
    "h349": (0.065, 0.931),
    "h350": (0.038, 0.941),
    "h351": (0.051, 0.926),
    "h352": (0.074, 0.911),
    "h353": (0.033, 0.952),
    "h354": (0.043, 0.953),
    "h355": (0.039, 0.94),
    "h356": (0.029, 0.947),
    "h357": (0.076, 0.886),
    "h358": (0.047, 0.914),
    "h359": (0.038, 0.928),
    "h360": (0.049, 0.927),
    "h361": (0.046, 0.942),
    "h362": (0.034, 0.965),
    "h363": (0.047, 0.915),
    "h364": (0.009, 0.992),
    "h365": (0.012, 0.992),
    "h366": (0.043, 0.936),
    "h367": (0.039, 0.959),
    "h368": (0.034, 0.953),
    "h369": (0.037, 0.917),
    "h370": (0.061, 0.927),
    "h371": (0.033, 0.964),
    "h372": (0.031, 0.94),
    "h373": (0.05, 0.917),
    "h374": (0.03, 0.955),
    "h375": (0.042, 0.958),
    "h376": (0.043, 0.947),
    "h377": (0.021, 0.98),
    "h378": (0.039, 0.966),
    "h379": (0.032, 0.954),
    "h380": (0.028, 0.947),
    "h381": (0.052, 0.943),
    "h382": (0.079, 0.901),
    "h383": (0.023, 0.98),
    "h384": (0.043, 0.94),
    "h385": (0.072, 0.91),
    "h386": (0.033, 0.941),
    "h387": (0.042, 0.959),
    "h388": (0.016, 0.985),
    "h389": (0.024, 0.973),
    "h390": (0.047, 0.939),
    "h391": (0.035, 0.946),
    "h392": (0.09, 0.896),
    "h393": (0.021, 0.979),
    "h394": (0.049, 0.929),
    "h395": (0.061, 0.914),
    "h396": (0.06, 0.921),
    "h397": (0.047, 0.946),
    "h398": (0.047, 0.922),
    "h399": (0.048, 0.943),
    "h400": (0.034, 0.93),
    "h401": (0.051, 0.951),
    "h402": (0.021, 0.976),
    "h403": (0.032, 0.948),
    "h404": (0.074, 0.917),
    "h405": (0.051, 0.902),
    "h406": (0.039, 0.955),
    "h407": (0.036, 0.941),
    "h408": (0.05, 0.912),
    "h409": (0.033, 0.952),
    "h410": (0.027, 0.948),
    "h411": (0.029, 0.965),
    "h412": (0.036, 0.925),
}

# Duplicate lines a record set's dump leaks (not tuned on, so recorded, not fixed): a
# long read over three pages, split at each "Continued on next page", so its masthead
# and headline repeated on each page land in articles of their own.
KNOWN_DUPLICATE_LEAKS = {"h70-2": 5}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_heldout_set_does_not_get_worse(name: str) -> None:
    """Each set scores within its bounds, and its first dump resumed part-way gives
    what the full pass gave (the resumption check shares the full pass: as a test of
    its own it paid for a second one). One dump a set: on every dump the check cost
    about 2.5 minutes of the suite's CPU time on a slow day (the thirty-fifth
    session's CI ran past ten minutes), and one dump of each of the 396 sets still
    covers every writer."""
    score = _scorer().score
    dumps = sorted(HERE.glob(f"{name}-[0-9].txt"))
    assert dumps
    pks, f1s = [], []
    for dump in dumps:
        gold = json.loads(dump.with_name(dump.stem + "-gold.json").read_text(encoding="utf-8"))
        full = list(segment_file(str(dump)))
        r = score(gold, {"articles": [a.to_json() for a in full]}, 1)
        pks.append(r["pk"])
        f1s.append(r["boundary_f1"])
        leaks = r["duplicates_leaked"]
        assert len(leaks) <= KNOWN_DUPLICATE_LEAKS.get(dump.stem, 0), (dump.name, r)
        if dump == dumps[0]:
            _resumes_the_same(dump, full)
    max_pk, min_f1 = BOUNDS[name]
    mean_pk, mean_f1 = sum(pks) / len(pks), sum(f1s) / len(f1s)
    assert mean_pk <= max_pk and mean_f1 >= min_f1, (name, pks, f1s)


def _resumes_the_same(dump: Path, full: list) -> None:
    """A backfill resumed after any article (its end offset and next line) must find
    what the full pass found from there on: rules that look back across a
    boundary see the same lines either way. Resumed after the middle article and the
    last but one (every second article once made this check a third of the suite's
    time on a slow day, for no resumption point of another kind)."""
    for k in sorted({len(full) // 2, len(full) - 1} - {0}):
        prev = full[k - 1]
        at = {"start_offset": prev.end_offset, "first_line": prev.end_line + 1}
        got = [(a.start_line, a.end_line, a.text) for a in segment_file(str(dump), **at)]
        want = [(a.start_line, a.end_line, a.text) for a in full[k:]]
        assert got == want, (dump.name, k)
