#!/usr/bin/env python3
"""Writes src/Kompetensbron.Core/Demo/DemoCatalogue.cs from a curated list of JobTech ids, checking every id and
label against the reference data (default /work/shared/data). Usage: tools/demo/make_catalogue.py [DATA_DIR]
Every skill chosen for an occupation must be linked to that occupation's SSYK-4 group in JobTech's data."""
import csv, json, os, sys, collections

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
TAX = os.path.join(DATA, "jobtech-taxonomy")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Kompetensbron.Core", "Demo", "DemoCatalogue.cs")

def load(name):
    return json.load(open(os.path.join(TAX, name)))["data"]["concepts"]

skills = {c["id"]: c["preferred_label"] for c in load("skills.json")}
ssyk4 = {c["id"]: c["ssyk_code_2012"] for c in load("ssyk-level-4-groups.json")}
group_skills = {ssyk4[c["id"]]: {r["id"] for r in c["related"]} for c in load("ssyk-level-4-groups-with-related-skills.json")}
occupations = {}
def walk(n, parents):
    if n.get("type") == "occupation-name":
        occupations[n["id"]] = (n["preferred_label"], parents[-1]["ssyk_code_2012"], parents[-1]["id"])
    for c in n.get("narrower") or []:
        walk(c, parents + [n])
for c in load("the-ssyk-hierarchy-with-occupations.json"):
    walk(c, [])
languages = {c["id"]: (c["preferred_label"], c.get("iso_639_1_2002")) for c in load("languages.json")}
sni = {c["sni_level_code_2007"]: c["preferred_label"] for c in load("sni-level-5.json")}
sun = {}
def walk_sun(n):
    code = n.get("sun_education_field_code_2020") or n.get("sun_education_level_code_2020")
    if code:
        sun[(n["type"].startswith("sun-education-field"), code)] = (n["id"], n.get("preferred_label") or n.get("definition"))
    for c in n.get("narrower") or []:
        walk_sun(c)
for f in ("sun-field-hierarchy.json", "sun-level-hierarchy.json"):
    for c in load(f):
        walk_sun(c)
places_json = json.load(open(os.path.join(DATA, "geo", "jobtech-places.json")))
places_by_name = {(p["label"], p["kommunkod"]): p for p in places_json}
geonames = {(r["name"], r["municipality_code"]): r for r in csv.DictReader(open(os.path.join(DATA, "geo", "geonames-se-localities.csv")))}
postal = collections.defaultdict(list)
for r in csv.DictReader(open(os.path.join(DATA, "geo", "postal_to_municipality.csv"))):
    postal[(r["locality"], r["municipality_code"])].append(r["postal_code"])

errors = []

# (key, occupation id, licences typical for the job, skills: first ones are core)
INDUSTRY = [
    ("CncOperator", "9haD_NB6_ULH", ["TRUCK_A"], "d2yX_cZM_fSy wpVJ_UXf_uSb JFDz_Uyg_Nmy P7h9_sUt_cBp NoNy_o7q_jCt aHCV_VsV_LiD wZpC_X9a_xzG JmTk_vXN_ksH QKL2_ZLc_RRt 5gQS_Mcn_CRF fSBi_ZAL_sKa fgNG_pGF_8Tf B8dd_RVE_soo dWbY_gXC_Frx uenm_75h_fEh HBAX_FbP_Dhy JQLZ_zFb_mCw"),
    ("Turner", "AsUQ_NKv_XeC", ["TRUCK_A"], "EGCS_78o_x3F d2yX_cZM_fSy aHCV_VsV_LiD wZpC_X9a_xzG 5gQS_Mcn_CRF nENq_mKD_Z6w aM9L_n2B_mtR uenm_75h_fEh dWbY_gXC_Frx NoNy_o7q_jCt"),
    ("MachineOperator", "Ttw6_MFW_i6j", ["TRUCK_A", "TRAVERS"], "KLyq_8Tb_QGo VPF1_UZM_9Kd VTwt_5Fe_6bW dWbY_gXC_Frx X4EU_ZC7_QmK 7CsQ_uUz_orf YXUJ_Mzg_Az9 59Ws_Uf1_o94 xWdL_JUZ_Tfr zVKm_f79_DtU 74Mw_JUN_VKx pGts_PKK_c8W KDzy_Hra_iVr"),
    ("RobotTechnician", "fMd8_Y9C_1cF", ["B"], "XUVf_RZ8_97a vXVH_94E_pQD brda_5pJ_8cu MT1a_Nyq_DGQ BMYx_57E_ESj vt7F_XTv_7ED aHCV_VsV_LiD VPF1_UZM_9Kd"),
    ("Welder", "rxrQ_Nyy_k6y", ["HETA_ARBETEN", "SVETS_EN_ISO_9606", "TRAVERS"], "Q1D1_Pdc_rnT WBnc_JXj_MvY JUpW_QCd_vCM fRF9_96h_p1y aHCV_VsV_LiD MQST_tq6_3Cd aENT_QTu_v8Y x8oG_RJN_9pb qgVX_T3P_j7U Q7eC_B7g_QiU oZmV_VcV_sHi y9yV_GPX_9vD aNcD_UfW_vYN wZpC_X9a_xzG"),
    ("MetalAssembler", "rAjz_1xP_f1a", ["TRUCK_A"], "qPmT_5pS_Th9 8Tts_x9Q_vf4 SMLj_ds3_Qe7 aHCV_VsV_LiD dWbY_gXC_Frx AiwS_Mhv_ttk sbYJ_XwB_o8X KDzy_Hra_iVr VTwt_5Fe_6bW X4EU_ZC7_QmK"),
    ("PlasticAssembler", "efyx_6es_7jQ", [], "1Qmy_Gy8_fCx T5UV_tZe_N3A qPmT_5pS_Th9 dWbY_gXC_Frx tMML_aCZ_xKU aHCV_VsV_LiD KDzy_Hra_iVr"),
    ("ElectricalAssembler", "AJDU_fpb_ADF", [], "NiuC_Egy_dim oYuG_DTW_R2D 7Zdv_HXJ_6Dg Xtys_AjN_9an qPmT_5pS_Th9 dWbY_gXC_Frx AEgv_4gP_ndv"),
    ("WarehouseWorker", "DLEi_bTh_oLA", ["TRUCK_A", "TRUCK_B"], "S1ZP_o8S_Jxf rYxp_wbM_YSG Xuhg_PcG_kq2 1oA3_GfA_82Y pGts_PKK_c8W HeXq_amc_ABd Zk4h_jP4_e85 vRUW_21M_5Eg ZsuU_rPA_r6g swdt_CX9_tHZ yXmf_iKi_7ci mP5U_LLJ_746 tKd2_9Ei_PTQ"),
    ("ForkliftDriver", "GQSf_fnq_kjF", ["TRUCK_B", "TRUCK_A"], "8pHc_Lqc_QxD HeXq_amc_ABd Zk4h_jP4_e85 pGts_PKK_c8W tKd2_9Ei_PTQ oKRb_tGE_xJF swdt_CX9_tHZ vRUW_21M_5Eg ijHY_aHk_ADE CiMi_7ax_tXs"),
    ("MaintenanceMechanic", "ci6b_Nc2_FmS", ["B", "HETA_ARBETEN", "LIFT"], "JjiA_c5w_p3W 73Pw_nip_4EW pXy8_4zz_azx Uytu_hWi_5nh MdYX_Mrp_HCS fjyp_Sft_A2M pSTA_VfB_7eA aHCV_VsV_LiD ygEQ_Pwp_ozn TrAw_geG_rsF rdtv_EuD_NfB Q7eC_B7g_QiU AiwS_Mhv_ttk sJ2D_si6_Aam"),
    ("IndustrialElectrician", "uZU6_oxo_Dpd", ["B", "ELSAKERHET", "LIFT"], "wJuu_o2B_q7L eojD_i4f_4f6 Uytu_hWi_5nh MT1a_Nyq_DGQ FqWP_6FQ_Wz5 wBLK_nWZ_7ek GCYi_9tC_1pP pSTA_VfB_7eA EnWr_NZH_zoz aHCV_VsV_LiD AEgv_4gP_ndv fjyp_Sft_A2M wZpC_X9a_xzG bG9S_mns_7q9"),
    ("AutomationTechnician", "CC4H_YCh_77T", ["B", "ELSAKERHET"], "MT1a_Nyq_DGQ Uytu_hWi_5nh XUVf_RZ8_97a Udbb_Eay_MuR 7Ev5_MKs_aTa s9xE_KMp_pVg pXy8_4zz_azx Xtys_AjN_9an PvrV_7MK_AZ7 73Pw_nip_4EW v1kW_h4M_Kej fizC_gvj_YaQ AEgv_4gP_ndv"),
    ("ProductionTechnician", "XHyR_e9A_sqQ", ["B"], "PuQP_aBK_nqJ 74Mw_JUN_VKx RMCB_qzu_Www kvLG_4uo_M5p 4aj7_yr6_q8r t9Um_wBh_Cb4 5jxc_THr_u7h oaiv_GsB_AFK Lgt8_xjP_7Fq a1Sf_mey_gVk AEgv_4gP_ndv HWdN_geE_Puc kAbQ_DBs_kYx agUF_zx8_iKE"),
    ("QualityTechnician", "EBur_MWp_Xkz", ["B"], "4y7C_Lsh_EPM a1Sf_mey_gVk 2rqG_WLp_em4 W4er_Syp_Wrt wZpC_X9a_xzG YK2s_pxn_YWW NB2C_zFs_C9F 74Mw_JUN_VKx 3Sj1_uuL_y1A JKSD_AC8_Z2S zGc6_dfy_gX2 AEgv_4gP_ndv"),
    ("ProductionSupervisor", "NaMW_ie6_VVV", ["B"], "ZzN5_m7B_5CY kvLG_4uo_M5p 74Mw_JUN_VKx PuQP_aBK_nqJ Bbj8_8y7_XJ5 RMCB_qzu_Www tg8L_maz_wMN a1Sf_mey_gVk"),
    ("SheetMetalWorker", "73zz_8gq_D9Z", ["TRAVERS", "HETA_ARBETEN"], "8JhV_mxY_jHk SrzF_GXp_pFE 7CsQ_uUz_orf 9VNa_4MW_EYC UfwF_qpM_LEj NYYQ_Hp4_FFo 3kAh_9uB_QwN fRF9_96h_p1y Q1D1_Pdc_rnT WBnc_JXj_MvY CUNr_DA7_Fjr aENT_QTu_v8Y VdMH_Tm8_CAa aHCV_VsV_LiD qyUS_nX3_pGH"),
    ("IndustrialPainter", "wyXB_eSG_eyX", ["TRUCK_A"], "Mq79_RZr_RK8 7ZBy_rjJ_BC3 rr11_hRs_CNU 7yG9_yE5_AYZ Co7V_AQ3_AJn 6Eju_UXW_3Ct YBY5_2Np_HQH xAbn_Wt7_ySS dWbY_gXC_Frx brda_5pJ_8cu PELm_cH9_AE9 VTwt_5Fe_6bW"),
    ("PlasticsOperator", "8Kvc_Fxt_Jei", ["TRUCK_A"], "p4L5_Y74_qrT Rtef_oWE_Ed9 4hFt_Pef_TBV wgzc_YWB_GRr KyvQ_kWy_oLn zYMv_ZNm_D4e z79u_fRS_ZSG tMML_aCZ_xKU rZy7_aHP_1aj X4EU_ZC7_QmK dWbY_gXC_Frx d3oB_oX3_kF8 8cdE_rAR_qFH"),
    ("PlasticsSetter", "Nj9W_3Cn_Gaf", ["TRUCK_A", "TRAVERS"], "82fn_Hhm_4wx RJty_YSz_DSS d3oB_oX3_kF8 TFJg_3Y4_j2Z p4L5_Y74_qrT Uytu_hWi_5nh 8cdE_rAR_qFH VPF1_UZM_9Kd 4hFt_Pef_TBV"),
    ("InjectionMouldingTechnician", "rQ78_ooZ_z5P", ["TRAVERS"], "p4L5_Y74_qrT 8cdE_rAR_qFH 82fn_Hhm_4wx Uytu_hWi_5nh EWkh_cWq_zmo 4hFt_Pef_TBV YBY5_2Np_HQH d3oB_oX3_kF8"),
    ("Toolmaker", "tDS5_hG2_ML5", [], "wGxZ_5HR_6m8 9SE2_AJw_o1v KTBi_REk_dTn BttV_qy2_xJH UCxw_3K4_8f1 p7ov_Auf_N1i aHCV_VsV_LiD wZpC_X9a_xzG Lgt8_xjP_7Fq zVKm_f79_DtU RZf1_417_y1V uenm_75h_fEh"),
    ("Grinder", "XzvX_AHE_ECV", ["TRAVERS"], "BdEM_JCH_d3d 8TGJ_EdB_b7b tdhw_3o8_eVR izgp_njB_zUd P6AS_voF_8EY s14J_jjD_yWe GMdw_jj7_iDB wZpC_X9a_xzG aHCV_VsV_LiD LhvF_NZc_r6N"),
    ("SurfaceTreatmentOperator", "LU1M_o4D_y7y", ["TRUCK_A"], "ohUU_nf8_B1U 3bqR_e7r_uFs NH9F_mNJ_Lz1 awAG_VaE_bya gNrx_CYA_kZS QMMu_P2D_7os aF3J_SgE_uck s14J_jjD_yWe dWbY_gXC_Frx pGts_PKK_c8W"),
    ("RobotOperator", "5Lm9_jot_RaW", [], "brda_5pJ_8cu vXVH_94E_pQD ZTYm_vXS_KEZ Uytu_hWi_5nh aF3J_SgE_uck FhjY_7eH_rvd MT1a_Nyq_DGQ PELm_cH9_AE9"),
]

# Occupations people come from (career changers, newly arrived with foreign experience).
OTHER = [
    ("GrocerySalesAssistant", "pBhS_6fg_727", [], "Q5Gj_qVb_1AY hYpk_RYx_y3V v3dQ_9We_tK5 WR7N_h6T_jG1 af2G_bUf_zNz kj4Q_nLh_u8Q 3oVh_NGG_pb5"),
    ("SpecialistSalesAssistant", "ek9W_CmD_y2M", [], "Td4F_YtH_u6S WYMJ_xx1_dYK hYpk_RYx_y3V Yufg_GC2_LXS KG9j_WxP_ym2 6Goq_h3R_mbw"),
    ("Cashier", "j8X2_KhG_6ty", [], "hYpk_RYx_y3V Yufg_GC2_LXS 3oVh_NGG_pb5"),
    ("AssistantNurse", "bSEB_VKd_Ub3", ["B"], "MR4H_FFT_mTj xowU_8Wu_K7C Yt2Z_1pY_MNz hqYJ_jyZ_Ks8 C1qR_L83_nzh F7nJ_k5s_L29 rVUL_AgV_ZTH rtCg_THP_6Lj"),
    ("CareAssistant", "4zLr_jP5_peZ", [], "x289_bKF_ihE zgd6_6Bj_829 Yt2Z_1pY_MNz C1qR_L83_nzh xowU_8Wu_K7C rVUL_AgV_ZTH"),
    ("PersonalAssistant", "eU1q_zvL_9Rf", [], "zgd6_6Bj_829 X3ec_jqv_xRp axxm_t1P_6WR rwir_xvu_443"),
    ("RestaurantAssistant", "yXRQ_Ad9_E8V", [], "xgpz_5A1_B2g dNA9_T9K_JXF kj4Q_nLh_u8Q hYpk_RYx_y3V XCMK_vWW_njd Dywf_BPg_usG GQ9R_2Za_Awt"),
    ("Cook", "Vg3d_Azf_p5Y", [], "GQ9R_2Za_Awt 7kNn_jPk_Cm3 kj4Q_nLh_u8Q UFfC_aC2_MiC JYKn_PRX_tif HfAs_ZWA_Jvv"),
    ("ChildMinder", "rM7G_ge7_XhP", [], "uwX1_vsc_ERP 6nLZ_J6J_rrT Gpb3_ty6_e1S G8KJ_TwR_R1C"),
    ("Cleaner", "KF64_AvU_S4N", [], "fZdk_vbt_LhP beHF_mum_ANM a7hz_cu6_rW2 T4gk_cvU_TWk iu18_YyQ_hmh rwir_xvu_443"),
    ("Carpenter", "4Z7F_oBG_vMG", ["B"], "EwT4_Jtg_AQf PktN_Uav_zKf aHCV_VsV_LiD HmXd_ehy_QT9 LHxN_QMZ_WXy fhu6_H74_uuN 22JT_eUQ_XPo"),
    ("DeliveryDriver", "JEhg_Dmh_mzv", ["B", "C"], "X6Pi_hDT_KDA vRUW_21M_5Eg imVM_9XE_Rrm Kzvi_T2N_vx6 XQet_5J6_HGj swdt_CX9_tHZ F8iA_MB6_iY3 Asgf_FwD_KGZ"),
    ("CarMechanic", "ZQWe_EYX_cqa", ["B"], "QXtd_jG5_BgH fJC9_qGw_f8g 73yg_gLU_Y3s Bad8_cPj_JgR 73Pw_nip_4EW Xtys_AjN_9an FGrh_fk2_fH6"),
    ("InstallationElectrician", "84Uc_bhA_s47", ["B", "ELSAKERHET"], "8pwJ_sfn_cAx KymG_vW5_bjG eojD_i4f_4f6 wBLK_nWZ_7ek FqWP_6FQ_Wz5 4bwR_JVU_usd VQxj_dHG_UCE aHCV_VsV_LiD"),
]

# Single skills that short courses teach (certificates and cross-cutting skills).
NAMED_SKILLS = [
    ("OverheadCraneCertificate", "qn22_kbi_Mwa"), ("OverheadCraneOperation", "LhvF_NZc_r6N"),
    ("HotWorkCertificate", "Q7eC_B7g_QiU"), ("MobileElevatingWorkPlatform", "KfEn_V5y_npV"),
    ("ElectricalSafetyEsa", "4bwR_JVU_usd"), ("ElectricalSafetyRegulations", "FqWP_6FQ_Wz5"),
    ("Lean", "74Mw_JUN_VKx"), ("ProductionEngineering", "PuQP_aBK_nqJ"), ("DrawingReading", "aHCV_VsV_LiD"),
    ("Metrology", "wZpC_X9a_xzG"), ("WorkshopMathematics", "uenm_75h_fEh"), ("Plc", "Uytu_hWi_5nh"),
    ("AutomationEngineering", "MT1a_Nyq_DGQ"), ("VocationalSwedishManufacturing", "KDzy_Hra_iVr"),
]

LANGUAGES = [  # key, id; Swedish first
    ("Swedish", "zSLA_vw2_FXN"), ("English", "NVxJ_hLg_TYS"), ("Arabic", "3iEY_RGP_qXq"), ("Tigrinya", "nPzh_1oc_EKz"),
    ("Somali", "F6dn_vX1_Qnm"), ("Dari", "Lozg_qhA_r3y"), ("Persian", "sNoC_CTL_8Ph"), ("Ukrainian", "zkfD_Qwv_kTk"),
    ("KurdishSorani", "49Hh_qTx_aj5"), ("KurdishKurmanji", "nTYu_SG6_CNa"), ("Pashto", "g6Up_z8D_oAY"),
    ("Amharic", "EMhG_wnR_hYP"), ("Turkish", "UaRX_FvG_rKF"), ("Thai", "ECih_Cev_hwd"), ("Bosnian", "AGKq_3n1_4sm"),
    ("Polish", "Gp9q_gTW_XAw"), ("Romanian", "ZDoY_SrN_mRm"), ("Syriac", "vYua_sYT_JEg"), ("Finnish", "Swhq_4Fg_qfm"),
    ("Spanish", "i9Hd_bVm_Z3c"), ("Russian", "mHSV_SUD_wXF"),
]

SNI = [
    ("Machining", "25620"), ("MetalStructures", "25110"), ("OtherMetalProducts", "25999"), ("WireAndSprings", "25930"),
    ("Forging", "25500"), ("Coating", "25610"), ("Tools", "25730"), ("LocksAndHinges", "25720"), ("Plastics", "22290"),
    ("PlasticSemis", "22210"), ("PlasticPackaging", "22220"), ("LiftingEquipment", "28220"), ("SpecialMachinery", "28990"),
    ("PlasticMachinery", "28960"), ("MachineTools", "28410"), ("Fluid", "28120"), ("Installation", "33200"),
    ("Lighting", "27400"), ("VehicleParts", "29320"), ("Warehousing", "52100"),
    ("UpperSecondaryVocational", "85321"), ("AdultEducation", "85312"), ("PostSecondaryNonUniversity", "85410"),
    ("StaffTraining", "85594"), ("LabourMarketTraining", "85591"),
]

SUN_FIELDS = [
    ("IndustryAndWorkshop", "521c"), ("MechanicalEngineeringOther", "521x"), ("ElectricalInstallation", "522c"),
    ("EnergyOperationMaintenance", "522d"), ("Automation", "523f"), ("AutomationElectronicsEngineering", "523d"),
    ("PlasticAndRubber", "543f"), ("LandTransport", "840b"), ("IndustrialEconomics", "526x"), ("ManufacturingGeneral", "540x"),
]
SUN_LEVELS = [
    ("UpperSecondaryVocational3Years", "337"), ("UpperSecondaryVocationalShort", "317"), ("UpperSecondaryOtherShort", "310"),
    ("PostSecondaryVocationalShort", "415"), ("PostSecondaryVocational2Years", "525"),
]

# name, municipality; coordinates from JobTech places (GeoNames when JobTech has no entry); postal code: median code.
PLACES = [
    ("Gnosjö", "0617"), ("Hillerstorp", "0617"), ("Kulltorp", "0617"), ("Nissafors", "0617"), ("Törestorp", "0617"),
    ("Gislaved", "0662"), ("Anderstorp", "0662"), ("Smålandsstenar", "0662"), ("Reftele", "0662"), ("Burseryd", "0662"),
    ("Broaryd", "0662"), ("Skeppshult", "0662"),
    ("Vaggeryd", "0665"), ("Skillingaryd", "0665"), ("Hok", "0665"), ("Klevshult", "0665"),
    ("Värnamo", "0683"), ("Bredaryd", "0683"), ("Forsheda", "0683"), ("Rydaholm", "0683"), ("Bor", "0683"),
    ("Lanna", "0683"), ("Kärda", "0683"),
    ("Jönköping", "0680"), ("Huskvarna", "0680"), ("Tenhult", "0680"), ("Bankeryd", "0680"), ("Taberg", "0680"),
    ("Gränna", "0680"),
]

def cs(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def occupation_block(entries):
    out = []
    for key, oid, licences, skill_ids in entries:
        if oid not in occupations:
            errors.append(f"occupation {oid} missing"); continue
        label, code, _ = occupations[oid]
        ids = skill_ids.split()
        if len(set(ids)) != len(ids):
            errors.append(f"{key}: duplicate skill")
        for s in ids:
            if s not in skills: errors.append(f"{key}: skill {s} missing")
            elif s not in group_skills.get(code, set()): errors.append(f"{key}: skill {s} {skills[s]} not linked to SSYK {code}")
        lic = ", ".join(cs(l) for l in licences)
        sk = ",\n".join(f"            new({cs(s)}, {cs(skills.get(s, '?'))})" for s in ids)
        out.append(f"    public static DemoOccupation {key} {{ get; }} = new(\n        {cs(oid)}, {cs(label)}, {cs(code)},\n        [{lic}],\n        [\n{sk},\n        ]);\n")
    return "\n".join(out)

parts = []
parts.append("""// <auto-generated>
// Written by tools/demo/make_catalogue.py from Arbetsförmedlingen's JobTech Taxonomy and JobTech places
// (GeoNames for Huskvarna), which checked every id and label. Edit the script, not this file.
// </auto-generated>
namespace Kompetensbron.Core.Demo;

/// <summary>A skill concept used by the demo region (JobTech id and Swedish label).</summary>
public sealed record DemoSkill(string Id, string Label);

/// <summary>
/// An occupation name with its SSYK-4 code, the licences employers typically ask for and skills linked to its
/// SSYK-4 group in JobTech (the first ones are the core of the work).
/// </summary>
public sealed record DemoOccupation(
    string Id, string Label, string Ssyk4Code, IReadOnlyList<string> TypicalLicences, IReadOnlyList<DemoSkill> Skills);

/// <summary>A real place with coordinates, its municipality and a postal code.</summary>
public sealed record DemoPlace(string Name, string MunicipalityCode, double Latitude, double Longitude, string PostalCode);

/// <summary>A coded reference (SNI, SUN) with its label.</summary>
public sealed record DemoCode(string Code, string Label);

/// <summary>A language concept (JobTech id) with its label.</summary>
public sealed record DemoLanguage(string Id, string Label);

/// <summary>The real reference ids the demo region is built from; no id here is invented.</summary>
public static class DemoCatalogue
{
""")
parts.append("    // Manufacturing occupations: needs, cohorts and most profiles.\n")
parts.append(occupation_block(INDUSTRY))
parts.append("\n    // Occupations people come from: career changers and newly arrived with experience from abroad.\n")
parts.append(occupation_block(OTHER))
parts.append("\n    public static IReadOnlyList<DemoOccupation> IndustryOccupations { get; } =\n    [\n" + "".join(f"        {k},\n" for k, *_ in INDUSTRY) + "    ];\n")
parts.append("\n    public static IReadOnlyList<DemoOccupation> OtherOccupations { get; } =\n    [\n" + "".join(f"        {k},\n" for k, *_ in OTHER) + "    ];\n")

named = []
for key, sid in NAMED_SKILLS:
    if sid not in skills: errors.append(f"skill {sid} missing"); continue
    named.append(f"    public static DemoSkill {key}Skill {{ get; }} = new({cs(sid)}, {cs(skills[sid])});\n")
parts.append("\n    // Single skills taught by short courses.\n" + "".join(named))

lang_lines = []
for key, lid in LANGUAGES:
    if lid not in languages: errors.append(f"language {lid} missing"); continue
    lang_lines.append(f"    public static DemoLanguage {key} {{ get; }} = new({cs(lid)}, {cs(languages[lid][0])});\n")
parts.append("\n" + "".join(lang_lines))
parts.append("\n    /// <summary>Mother tongues of newly arrived people in the demo region (not Swedish).</summary>\n    public static IReadOnlyList<DemoLanguage> NewcomerLanguages { get; } =\n    [\n" + "".join(f"        {k},\n" for k, _ in LANGUAGES if k not in ("Swedish", "English", "Finnish", "Spanish", "Russian")) + "    ];\n")

sni_lines = []
for key, code in SNI:
    if code not in sni: errors.append(f"SNI {code} missing"); continue
    sni_lines.append(f"    public static DemoCode Sni{key} {{ get; }} = new({cs(code)}, {cs(sni[code])});\n")
parts.append("\n    // SNI 2007 five-digit industry codes.\n" + "".join(sni_lines))
sun_lines = []
for key, code in SUN_FIELDS:
    if (True, code) not in sun: errors.append(f"SUN field {code} missing"); continue
    sun_lines.append(f"    public static DemoCode SunField{key} {{ get; }} = new({cs(code)}, {cs(sun[(True, code)][1])});\n")
for key, code in SUN_LEVELS:
    if (False, code) not in sun: errors.append(f"SUN level {code} missing"); continue
    sun_lines.append(f"    public static DemoCode SunLevel{key} {{ get; }} = new({cs(code)}, {cs(sun[(False, code)][1])});\n")
parts.append("\n    // SUN 2020 education field and level codes.\n" + "".join(sun_lines))

place_lines = []
for name, muni in PLACES:
    p = places_by_name.get((name, muni))
    if p:
        lat, lon = p["latitud"], p["longitud"]
    else:
        g = geonames.get((name, muni))
        if not g: errors.append(f"place {name} {muni} missing"); continue
        lat, lon = float(g["lat"]), float(g["lng"])
    codes = sorted(postal.get((name, muni), []))
    if not codes:
        # Small villages share the postal code area of a neighbour; take the municipality's main locality.
        main = {"0617": "Gnosjö", "0662": "Gislaved", "0665": "Vaggeryd", "0683": "Värnamo", "0680": "Jönköping"}[muni]
        codes = sorted(postal[(main, muni)])
    pc = codes[len(codes) // 2]
    place_lines.append(f"        new({cs(name)}, {cs(muni)}, {lat:.5f}, {lon:.5f}, {cs(pc[:3] + ' ' + pc[3:])}),\n")
parts.append("\n    /// <summary>Places in Gnosjö (0617), Gislaved (0662), Vaggeryd (0665), Värnamo (0683) and Jönköping (0680).</summary>\n    public static IReadOnlyList<DemoPlace> Places { get; } =\n    [\n" + "".join(place_lines) + "    ];\n")
parts.append("""
    /// <summary>The five municipalities of the demo region.</summary>
    public static IReadOnlyList<string> MunicipalityCodes { get; } = ["0617", "0662", "0665", "0683", "0680"];
}
""")

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
os.makedirs(os.path.dirname(OUT), exist_ok=True)
open(OUT, "w").write("".join(parts))
print("wrote", os.path.normpath(OUT))
